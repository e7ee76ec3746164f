"""Turn an article exported as plain text or Markdown into plain data.

Nothing here writes to the database: `read_article()`, `parse_text()` and
`parse_markdown()` return an `ArticleData`, which
`Article.objects.create_from()` stores.

The plain-text shape is that of a magazine page copied out of a browser: the
title on the first line; `- ` lines under it (publication, date, read time);
one paragraph per line; headings as short lines of their own; a `X | Y |`
table whose first row is the header; a `From our network :` list of titles;
and a closing `Comments` line.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import NamedTuple

from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import slugify

from .models import Article, Section, Takeaway

# A heading is a short line. Paragraphs in exports are whole lines of prose,
# so a line longer than this is a paragraph however it ends.
HEADING_MAX_WORDS = 16
HEADING_MAX_CHARS = 120

MARKDOWN_EXTENSIONS = {".md", ".markdown"}

# Words that title case leaves in lower case, so their case says nothing
# about the style of a heading.
MINOR_WORDS = {
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "if", "in",
    "into", "nor", "of", "off", "on", "onto", "or", "per", "so", "than",
    "the", "to", "up", "upon", "via", "vs", "with", "yet",
}  # fmt: skip

MONTHS = [
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december",
]  # fmt: skip

WORD = re.compile(r"\w(?:[\w’'.\-]*\w)?")
POSSESSIVE = re.compile(r"[’']s$")
# Punctuation after which the next word may be capitalised for grammar's sake
# rather than because it is a name.
SENTENCE_BREAK = re.compile(r"[.!?…:;“\"‘(\[—–]")
CLOSING_PUNCTUATION = re.compile(r"[.!?…:;,][\"'”’)\]]*$")
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
NETWORK_MARKER = re.compile(r"(?:#+\s*)?from our network\s*:?", re.I)
READ_TIME = re.compile(r"\d+\s*min(?:ute)?s?(?:\s+read)?", re.I)
DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
MONTH = r"(?P<month>[a-z]{3,9})\.?"
YEAR = r"(?:,? (?P<year>\d{4}))?"
DATE_FORMATS = [
    re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"),
    re.compile(f"{MONTH} {DAY}{YEAR}"),  # Aug 24, August 24, 2025
    re.compile(f"{DAY} {MONTH}{YEAR}"),  # 24 Aug, 24 August 2025
]
MARKDOWN_HEADING = re.compile(r"(#+)\s+(.*?)\s*#*")
MARKDOWN_TABLE_RULE = re.compile(r"\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?")
MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\(((?:https?://|mailto:)[^\s)]+)\)")
MARKDOWN_INLINE = [
    (re.compile(r"`([^`]+)`"), r"<code>\1</code>"),
    (re.compile(r"\*\*(\S(?:.*?\S)?)\*\*"), r"<strong>\1</strong>"),
    (re.compile(r"(?<![\w*])\*(\S(?:.*?\S)?)\*(?![\w*])"), r"<em>\1</em>"),
    (re.compile(r"(?<!\w)_(\S(?:.*?\S)?)_(?!\w)"), r"<em>\1</em>"),
]
MARKDOWN_MARKERS = re.compile(r"\*\*|(?<!\w)[*_]|[*_](?!\w)|`")


class ParseError(ValueError):
    """The file cannot become an article; the message says what to fix."""


class SectionData(NamedTuple):
    level: int
    heading: str
    paragraphs: list


def _default(model, name):
    return model._meta.get_field(name).default


@dataclass
class ArticleData:
    """An article as plain data: what an export carries, ready to be stored."""

    title: str
    slug: str = ""
    published_on: date | None = None
    lead: list = field(default_factory=list)
    sections: list = field(default_factory=list)
    takeaways_header: tuple = (
        _default(Article, "takeaways_aspect_label"),
        _default(Article, "takeaways_highlight_label"),
    )
    takeaways: list = field(default_factory=list)
    network_titles: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    meta_description: str = ""

    def __post_init__(self):
        self.slug = self.slug or slugify(self.title)[:200].strip("-")


def read_article(path, format=None, today=None):
    """Read and parse the file at `path`, as Markdown or plain text."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ParseError(
            f"Cannot read {path}: {error.strerror or error}. Check the path and "
            "that the file is readable."
        ) from error
    try:
        # utf-8-sig drops the byte order mark some editors put first.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ParseError(
            f"{path} is not UTF-8 text (byte {raw[error.start]:#04x} at position "
            f"{error.start}). Save it as UTF-8 and import it again."
        ) from error
    if format is None:
        format = "markdown" if path.suffix.lower() in MARKDOWN_EXTENSIONS else "text"
    parse = parse_markdown if format == "markdown" else parse_text
    return parse(text, today=today)


def parse_text(text, today=None):
    """Parse a plain-text export in the shape described in this module."""
    lines = _clean_lines(text)
    title, lines = lines[0], lines[1:]
    if (
        title.startswith("- ")
        or _is_table_row(title)
        or NETWORK_MARKER.fullmatch(title)
    ):
        raise ParseError(
            "The file has no title: its first line should be the article's title."
        )
    article = _new_article(title)
    lines = _read_metadata(article, lines, today)
    lines = _read_network(article, lines)
    body, table, after_table = [], [], False
    for line in lines:
        if _is_table_row(line):
            if after_table:
                raise ParseError(
                    "The file has more than one table; keep only the key "
                    "takeaways table, after the last paragraph."
                )
            table.append(line)
        elif line:
            after_table = bool(table)
            body.append(line)
    _read_table(article, table)
    _read_body(article, body)
    return article


def parse_markdown(text, today=None):
    """Parse Markdown: `#` title, `##`/`###` headings, paragraphs, a pipe table."""
    lines = _clean_lines(text)
    match = MARKDOWN_HEADING.fullmatch(lines[0])
    if not match or len(match.group(1)) != 1:
        raise ParseError(
            "The file has no title: its first line should be “# ” and the "
            "article's title."
        )
    article = _new_article(_strip_inline(match.group(2)))
    lines = _read_metadata(article, lines[1:], today)
    lines = _read_network(article, lines)
    # Each part is (level, heading, paragraphs); the first one is the lead.
    parts = [(None, None, [])]
    table, paragraph = [], []

    def end_paragraph():
        if paragraph:
            parts[-1][2].append(_inline(" ".join(paragraph)))
            paragraph.clear()

    for line in lines:
        heading = MARKDOWN_HEADING.fullmatch(line)
        if heading or _is_table_row(line) or not line:
            end_paragraph()
        if heading:
            level, text = len(heading.group(1)), _strip_inline(heading.group(2))
            if not text:
                raise ParseError(f"The heading “{line}” has no words; write one.")
            if level not in Section.Level.values:
                raise ParseError(
                    f"“{line}” is a level-{level} heading, but articles have "
                    "sections (##) and subsections (###) only; change it to ## "
                    "or ###."
                )
            _check_length(text, Section, "heading", f"The heading “{text[:40]}…”")
            parts.append((level, text, []))
        elif _is_table_row(line):
            if not MARKDOWN_TABLE_RULE.fullmatch(line):
                table.append(line)
        elif line:
            paragraph.append(line)
    end_paragraph()
    article.lead = parts[0][2]
    article.sections = [SectionData(*part) for part in parts[1:]]
    _read_table(article, table)
    _check_not_empty(article)
    return article


# Shared steps ----------------------------------------------------------------


def _clean_lines(text):
    """The file's lines, stripped, with runs of spaces and tabs made single."""
    match = CONTROL_CHARACTER.search(text)
    if match:
        line = text.count("\n", 0, match.start()) + 1
        raise ParseError(
            f"Line {line} contains a control character "
            f"(U+{ord(match.group()):04X}); remove it and import again."
        )
    lines = [" ".join(line.split()) for line in text.lstrip("\ufeff").splitlines()]
    lines = _trimmed(lines)
    # The page ends with its comment thread's heading; readers' comments are
    # not part of the article.
    if lines and _is_comments(lines[-1]):
        lines = _trimmed(lines[:-1])
    if not lines:
        raise ParseError("The file is empty; export the article again.")
    return lines


def _trimmed(lines):
    """`lines` without the blank lines at either end."""
    filled = [number for number, line in enumerate(lines) if line]
    return lines[filled[0] : filled[-1] + 1] if filled else []


def _is_comments(line):
    return line.casefold() == "comments"


def _new_article(title):
    limit = Article._meta.get_field("title").max_length
    if len(title) > limit:
        raise ParseError(
            f"The first line should be the article's title (at most {limit} "
            f"characters), but it has {len(title)}. Put the title on a line of "
            "its own."
        )
    article = ArticleData(title=title)
    if not article.slug:
        raise ParseError(
            f"The title “{title}” gives no web address (slug); add some Latin "
            "letters or digits to it."
        )
    return article


def _read_metadata(article, lines, today):
    """Take the `- ` lines under the title: publication, date and read time."""
    today = today or timezone.localdate()
    index = 0
    while index < len(lines) and (not lines[index] or lines[index].startswith("- ")):
        item = lines[index][2:].strip()
        index += 1
        # Magpost computes reading time itself, so the export's is ignored;
        # so is the publication's name, which is a setting here.
        if item and not READ_TIME.fullmatch(item) and article.published_on is None:
            article.published_on = _parse_date(item, today)
    return lines[index:]


def _parse_date(text, today):
    """The date in `text`, or None when it is not a date."""
    for pattern in DATE_FORMATS:
        match = pattern.fullmatch(text.casefold())
        if match:
            break
    else:
        return None
    month = match.group("month")
    if not month.isdigit():
        names = [name for name in MONTHS if name.startswith(month)]
        if len(names) != 1:
            return None
        month = MONTHS.index(names[0]) + 1
    day = int(match.group("day"))
    try:
        if match.group("year"):
            return date(int(match.group("year")), int(month), day)
        # Exports often drop the year: the latest such day not in the future.
        published = date(today.year, int(month), day)
        return (
            published if published <= today else date(today.year - 1, int(month), day)
        )
    except ValueError as error:
        raise ParseError(
            f"The date “{text}” is not a real day ({error}); correct it and "
            "import again."
        ) from error


def _read_network(article, lines):
    """Take the `From our network` list off the end of `lines`."""
    for index, line in enumerate(lines):
        if NETWORK_MARKER.fullmatch(line):
            for title in lines[index + 1 :]:
                if _is_comments(title):
                    break
                if title:
                    article.network_titles.append(re.sub(r"^[-*] ", "", title))
            return lines[:index]
    return lines


def _is_table_row(line):
    return line.count("|") >= 2 and (line.endswith("|") or line.startswith("|"))


def _read_table(article, rows):
    """The first row is the header; each other row is one takeaway."""
    if not rows:
        return
    cells = []
    for number, row in enumerate(rows, 1):
        row_cells = [cell.strip() for cell in row.strip("|").split("|")]
        if len(row_cells) != 2:
            raise ParseError(
                f"Row {number} of the takeaways table has {len(row_cells)} cells; "
                "the table needs two columns, as in “Aspect | Highlights |”."
            )
        cells.append(row_cells)
    header, *takeaways = cells
    defaults = ArticleData.takeaways_header
    labels = ["takeaways_aspect_label", "takeaways_highlight_label"]
    for label, name in zip(header, labels):
        _check_length(label, Article, name, "A takeaways column header")
    article.takeaways_header = (header[0] or defaults[0], header[1] or defaults[1])
    for number, (aspect, highlight) in enumerate(takeaways, 1):
        _check_length(aspect, Takeaway, "aspect", f"Takeaway {number}'s first cell")
        _check_length(
            highlight, Takeaway, "highlight", f"Takeaway {number}'s second cell"
        )
        article.takeaways.append((aspect, highlight))


def _check_length(text, model, name, what):
    limit = model._meta.get_field(name).max_length
    if len(text) > limit:
        raise ParseError(
            f"{what} has {len(text)} characters, more than the {limit} allowed; "
            "shorten it."
        )


def _check_not_empty(article):
    if not article.lead and not article.sections:
        raise ParseError(
            "The file has a title but no text under it; export the whole article."
        )


# Plain text: telling headings from paragraphs --------------------------------


def _is_short(line):
    return (
        len(line) <= HEADING_MAX_CHARS
        and len(line.split()) <= HEADING_MAX_WORDS
        and not CLOSING_PUNCTUATION.search(line)
    )


def _read_body(article, lines):
    """Split the body into lead paragraphs and sections with their levels."""
    # A heading is a short line followed by a paragraph, or by one more
    # heading (a section that opens straight into a subsection) and then a
    # paragraph. Working backwards lets each line see what follows it.
    is_heading = [False] * (len(lines) + 1)
    for index in reversed(range(len(lines) - 1)):
        following = lines[index + 1]
        is_heading[index] = _is_short(lines[index]) and (
            not _is_short(following)
            or (is_heading[index + 1] and not is_heading[index + 2])
        )
    parts = [[None, []]]
    for line, heading in zip(lines, is_heading):
        if heading:
            parts.append([line, []])
        else:
            parts[-1][1].append(line)
    article.lead = parts[0][1]
    paragraphs = [text for _, texts in parts for text in texts]
    headings = [heading for heading, _ in parts[1:]]
    levels = heading_levels(headings, paragraphs)
    article.sections = [
        SectionData(level, heading, texts)
        for level, (heading, texts) in zip(levels, parts[1:])
    ]
    _check_not_empty(article)


def heading_levels(headings, paragraphs):
    """Level 2 or 3 for each heading, from title case versus sentence case.

    When the article uses one style only, every heading is a section. A
    heading whose style cannot be told (a single word, say) takes the level
    of the heading before it, so a run of subsections stays unbroken. The
    first heading is always a section, so no level is ever skipped.
    """
    names = proper_nouns(paragraphs)
    styles = [heading_style(heading, names) for heading in headings]
    mixed = "title" in styles and "sentence" in styles
    levels = []
    for style in styles:
        if not levels or not mixed:
            level = Section.Level.SECTION
        elif style is None:
            level = levels[-1]
        elif style == "title":
            level = Section.Level.SECTION
        else:
            level = Section.Level.SUBSECTION
        levels.append(level)
    return levels


def words(text):
    """Each word of `text` with whether grammar may capitalise it there."""
    previous_end = None
    for match in WORD.finditer(text):
        gap = text[previous_end : match.start()] if previous_end is not None else ""
        starts = previous_end is None or bool(SENTENCE_BREAK.search(gap))
        yield POSSESSIVE.sub("", match.group()), starts
        previous_end = match.end()


def proper_nouns(paragraphs):
    """Words written with a capital in the middle of a sentence: names."""
    return {
        word
        for paragraph in paragraphs
        for word, starts in words(paragraph)
        if not starts and not word.islower()
    }


def heading_style(heading, names=frozenset()):
    """Return "title", "sentence", or None when the heading's words cannot tell.

    Only words whose capital would be a choice of style count: not the first
    word or one after a colon, not minor words, names, acronyms or numbers.
    A tie counts as title case, since a title-case heading often keeps a
    repeated phrase in lower case, while a sentence-case heading capitalises
    nothing but names.
    """
    capitalised = lowercase = 0
    for word, starts in words(heading):
        if (
            starts
            or not word[0].isalpha()
            or word.casefold() in MINOR_WORDS
            or word in names
            or word.isupper()
        ):
            continue
        if word[0].isupper():
            capitalised += 1
        else:
            lowercase += 1
    if not capitalised and not lowercase:
        return None
    return "title" if capitalised >= lowercase else "sentence"


# Markdown inline markup --------------------------------------------------------


def _inline(text):
    """A Markdown paragraph as HTML: emphasis, code and links, all else escaped."""
    html = escape(text)
    html = MARKDOWN_LINK.sub(r'<a href="\2">\1</a>', html)
    for pattern, replacement in MARKDOWN_INLINE:
        html = pattern.sub(replacement, html)
    # Safe because every character of the source was escaped above; only
    # the tags added here are markup, and Article.save() sanitises again.
    return mark_safe(html)


def _strip_inline(text):
    """A Markdown heading as plain text: link targets and markers removed."""
    return MARKDOWN_MARKERS.sub("", MARKDOWN_LINK.sub(r"\1", text)).strip()
