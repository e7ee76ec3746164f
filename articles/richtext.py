"""Sanitising and measuring the rich text that editors write."""

import html
import re

import nh3

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
