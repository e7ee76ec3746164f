"""Sanitising, measuring and laying out the rich text that editors write."""

import html
import re

import nh3

from django.template.loader import render_to_string

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "s", "u", "sub", "sup",
    "ul", "ol", "li", "blockquote", "a", "code", "pre", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

# A word, keeping contractions and hyphenated words whole.
WORD = re.compile(r"\w+(?:[’'\-]\w+)*")
BLOCK_TAG = re.compile(r"</?(?:p|br|li|ul|ol|blockquote|pre|hr|h\d|div)\b[^>]*>", re.I)
TAG = re.compile(r"<[^>]*>")


def sanitize(markup):
    """Return `markup` with only the allowed tags, attributes and URL schemes."""
    clean = _clean(markup or "")
    # Markup that cannot nest (a link inside a link) can come out of one pass
    # in a form that parses differently; cleaning again settles it, so that
    # what is stored is exactly what a browser will see.
    for _ in range(3):
        again = _clean(clean)
        if again == clean:
            break
        clean = again
    return clean


def _clean(markup):
    return nh3.clean(
        markup,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


def plain_text(markup):
    """The readable text of an HTML fragment, tags removed, entities decoded."""
    return html.unescape(TAG.sub("", BLOCK_TAG.sub(" ", markup or "")))


def outline(sections):
    """Sections as (section, [its subsections]) pairs, for the contents."""
    pairs = []
    for section in sections:
        if section.level > 2 and pairs:
            pairs[-1][1].append(section)
        else:
            pairs.append((section, []))
    return pairs


def render_body(article, sections, takeaways):
    """The article's lead, contents, sections and takeaways table as HTML.

    The article stores it whenever any of them changes, so that showing the
    page costs no rendering of its own. Anything with the models' fields
    will do, so bulk inserts and migrations make it exactly as save() does.
    """
    return render_to_string(
        "articles/includes/article_body.html",
        {
            "article": article,
            "outline": outline(sections),
            "sections": sections,
            "takeaways": takeaways,
        },
    ).strip()
