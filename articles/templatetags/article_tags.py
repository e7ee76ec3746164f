import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from .. import search

register = template.Library()

# Inside <script> only these could end the element or start markup; JSON
# parsers read the escaped forms as the same characters.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """`data` as a JSON-LD <script> element, whatever text it holds."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(SCRIPT_ESCAPES)),
    )


@register.filter
def highlight(text, terms):
    """Plain `text`, escaped, with the words matching the search in <mark>."""
    return search.highlight(text, terms)


@register.filter
def excerpt(text, terms):
    """A marked excerpt of plain `text` around the first searched word."""
    return search.excerpt(text, terms, settings.MAGPOST_SEARCH_EXCERPT_WORDS)


@register.tag
def fragment(parser, token):
    """{% fragment part %}…{% endfragment %}: the block as stored for a
    `pagecache.Fragment`, or rendered (and stored) when there is no copy."""
    try:
        _, part = token.split_contents()
    except ValueError:
        raise template.TemplateSyntaxError(
            "{% fragment %} takes one fragment."
        ) from None
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(parser.compile_filter(part), nodelist)


class FragmentNode(template.Node):
    def __init__(self, part, nodelist):
        self.part = part
        self.nodelist = nodelist

    def render(self, context):
        part = self.part.resolve(context)
        if not part:  # A page shown without fragments, such as a preview.
            return self.nodelist.render(context)
        return part.render(lambda: self.nodelist.render(context))
