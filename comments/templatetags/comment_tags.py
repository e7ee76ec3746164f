from django import template
from django.utils.html import linebreaks, urlize
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def comment_html(body):
    """A plain-text comment as HTML: escaped, line breaks kept, URLs linked."""
    # urlize escapes the text around the links it makes, so the result is safe
    # to mark up further; its rel="nofollow" gets the values user content needs.
    linked = urlize(body, nofollow=True, autoescape=True).replace(
        'rel="nofollow"', 'rel="nofollow ugc noopener"'
    )
    return mark_safe(linebreaks(linked, autoescape=False))
