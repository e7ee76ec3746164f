"""Editorial checks: mistakes in an article that no spell-checker sees.

`check_article()` reads a saved article and returns a list of findings, each
with the place it was found; the admin and the `check_article` command show
them. The rules on text are plain functions of (place, text) pairs, so they
can be tried on a few sentences. Every threshold is a setting, read when a
check runs.
"""

import re
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings

from .richtext import BLOCK_TAG, WORD, plain_text

# Words too common to make a phrase worth noticing: a phrase that starts or
# ends with one ("the city", "meeting in") overlaps a phrase that does not.
STOP_WORDS = {
    "a", "about", "above", "after", "again", "against", "all", "also", "am",
    "an", "and", "any", "are", "as", "at", "be", "because", "been", "before",
    "being", "below", "between", "both", "but", "by", "can", "could", "did",
    "do", "does", "doing", "down", "during", "each", "even", "ever", "every",
    "few", "for", "from", "further", "had", "has", "have", "having", "he",
    "her", "here", "hers", "herself", "him", "himself", "his", "how", "i",
    "if", "in", "into", "is", "it", "it's", "its", "itself", "just", "may",
    "me", "might", "more", "most", "much", "must", "my", "myself", "no",
    "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or",
    "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she",
    "should", "so", "some", "still", "such", "than", "that", "the", "their",
    "theirs", "them", "themselves", "then", "there", "these", "they", "this",
    "those", "through", "to", "too", "under", "until", "up", "upon", "us",
    "very", "was", "we", "were", "what", "when", "where", "which", "while",
    "who", "whom", "why", "will", "with", "would", "yet", "you", "your",
    "yours", "yourself",
}  # fmt: skip

# Phrases do not run across punctuation: "Alaska. Putin" is no phrase.
PHRASE_BREAK = re.compile(r"[^\w\s’'\-]+")


@dataclass(frozen=True)
class Finding:
    code: str
    message: str
    place: str

    def __str__(self):
        return f"{self.place}: {self.message}"


def check_article(article):
    """Everything in a saved article worth an editor's second look."""
    sections = list(article.sections.all())
    takeaways = list(article.takeaways.all())
    paragraphs = [
        (f"lead, paragraph {number}", text)
        for number, text in enumerate(split_paragraphs(article.lead), 1)
    ]
    for section in sections:
        paragraphs += [
            (f"{describe(section)}, paragraph {number}", text)
            for number, text in enumerate(split_paragraphs(section.body), 1)
        ]
    texts = [
        ("title", article.title),
        *((describe(section), section.heading) for section in sections),
        *paragraphs,
        *(
            (f"key takeaways, row {number}", f"{row.aspect}. {row.highlight}")
            for number, row in enumerate(takeaways, 1)
        ),
    ]
    return [
        *long_title(article.title),
        *missing_meta_description(article.meta_description),
        *missing_alt_text(article),
        *skipped_heading_levels(
            [(describe(section), section.level) for section in sections]
        ),
        *empty_sections(
            [
                (describe(section), section.level, plain_text(section.body))
                for section in sections
            ]
        ),
        *repeated_paragraphs(paragraphs),
        *stuffed_phrases(texts),
        *empty_takeaway_cells([(row.aspect, row.highlight) for row in takeaways]),
    ]


def describe(section):
    kind = "subsection" if section.level == section.Level.SUBSECTION else "section"
    return f"{kind} “{section.heading}”"


def split_paragraphs(markup):
    """The text of each paragraph, list item or line of an HTML fragment."""
    texts = (" ".join(plain_text(part).split()) for part in BLOCK_TAG.split(markup))
    return [text for text in texts if text]


def long_title(title):
    limit = settings.MAGPOST_TITLE_MAX_LENGTH
    if len(title) > limit:
        yield Finding(
            "long_title",
            f"The title has {len(title)} characters; search results cut titles "
            f"off after about {limit}. Shorten it, or move detail to the lead.",
            "title",
        )


def missing_meta_description(meta_description):
    if not meta_description.strip():
        yield Finding(
            "no_meta_description",
            "There is no meta description, so search engines and link previews "
            "show the lead's first words. Write one or two sentences.",
            "meta description",
        )


def missing_alt_text(article):
    # The database refuses an image with empty alt text, but not one whose
    # alt text is only spaces.
    if article.hero_image and not article.hero_alt.strip():
        yield Finding(
            "no_alt_text",
            "The hero image has no alt text. Describe what it shows for readers "
            "who cannot see it.",
            "hero image",
        )


def skipped_heading_levels(headings):
    """Headings (place, level) that go more than one level deeper at once."""
    previous = 1  # the article's title is the page's h1
    for place, level in headings:
        if level > previous + 1:
            yield Finding(
                "skipped_heading_level",
                f"This level-{level} heading follows a level-{previous} one, "
                f"skipping a level. Make it level {previous + 1}, or add a "
                "heading above it.",
                place,
            )
        previous = level


def empty_sections(sections):
    """Sections (place, level, text) with no text of their own.

    A section that opens straight into its first subsection is fine: its text
    is in the subsections.
    """
    for index, (place, level, text) in enumerate(sections):
        following = sections[index + 1][1] if index + 1 < len(sections) else None
        if not text.strip() and not (following and following > level):
            yield Finding(
                "empty_section",
                "This section has a heading but no text. Write it, or remove "
                "the section.",
                place,
            )


def repeated_paragraphs(paragraphs):
    """Paragraphs (place, text) that repeat an earlier one word for word."""
    min_words = settings.MAGPOST_REPEATED_PARAGRAPH_MIN_WORDS
    first_seen = {}
    for place, text in paragraphs:
        key = tuple(WORD.findall(text.casefold()))
        if len(key) < min_words:
            continue
        if key in first_seen:
            yield Finding(
                "repeated_paragraph",
                f"This paragraph repeats {first_seen[key]} word for word. "
                "Remove one of them.",
                place,
            )
        else:
            first_seen[key] = place


def stuffed_phrases(texts):
    """Phrases repeated so often in `texts` (place, text) that they read as
    keyword stuffing.

    Longer phrases are looked at first, and a phrase counts only where it
    does not overlap one already reported: "putin trump meeting" is reported,
    not also "putin trump" and "trump meeting" inside it.
    """
    shortest = settings.MAGPOST_STUFFING_MIN_PHRASE_WORDS
    longest = settings.MAGPOST_STUFFING_MAX_PHRASE_WORDS
    occurrences = defaultdict(list)  # phrase: [(place, position of 1st word)]
    total = 0
    for place, text in texts:
        # One apostrophe, so "it’s" and "it's" are the same word.
        for run in PHRASE_BREAK.split(text.casefold().replace("’", "'")):
            words = WORD.findall(run)
            for size in range(shortest, longest + 1):
                for start in range(len(words) - size + 1):
                    phrase = tuple(words[start : start + size])
                    if phrase[0] not in STOP_WORDS and phrase[-1] not in STOP_WORDS:
                        occurrences[phrase].append((place, total + start))
            total += len(words)

    def is_stuffed(count):
        return (
            count >= settings.MAGPOST_STUFFING_MIN_COUNT
            and count * 1000 / total >= settings.MAGPOST_STUFFING_PER_1000_WORDS
        )

    covered = set()  # positions of words in phrases already reported
    by_length_and_count = sorted(
        occurrences, key=lambda phrase: (-len(phrase), -len(occurrences[phrase]))
    )
    for phrase in by_length_and_count:
        if not is_stuffed(len(occurrences[phrase])):
            continue
        spans = [range(start, start + len(phrase)) for _, start in occurrences[phrase]]
        if not is_stuffed(sum(covered.isdisjoint(span) for span in spans)):
            continue
        for span in spans:
            covered.update(span)
        count = len(occurrences[phrase])
        places = list(dict.fromkeys(place for place, _ in occurrences[phrase]))
        place = places[0]
        if len(places) > 1:
            others = len(places) - 1
            place += f" and {others} other place{'s' if others > 1 else ''}"
        yield Finding(
            "keyword_stuffing",
            f"“{' '.join(phrase)}” appears {count} times "
            f"({count * 1000 / total:.1f} per 1,000 words), which reads as "
            "keyword stuffing. Say it fewer times, in other words.",
            place,
        )


def empty_takeaway_cells(rows):
    """Takeaway rows (aspect, highlight) with a blank cell."""
    for number, (aspect, highlight) in enumerate(rows, 1):
        if not aspect.strip() or not highlight.strip():
            yield Finding(
                "empty_takeaway_cell",
                "This row of the key takeaways table has an empty cell. Fill it, "
                "or remove the row.",
                f"key takeaways, row {number}",
            )
