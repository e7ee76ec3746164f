from django import template
from django.conf import settings

from .. import search

register = template.Library()

@register.filter
def highlight(text, terms):
    """Plain `text`, escaped, with the words matching the search in <mark>."""
    return search.highlight(text, terms)


@register.filter
def excerpt(text, terms):
    """A marked excerpt of plain `text` around the first searched word."""
    return search.excerpt(text, terms, settings.MAGPOST_SEARCH_EXCERPT_WORDS)
