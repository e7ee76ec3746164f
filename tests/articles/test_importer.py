from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from django.utils import timezone

from articles import demo_content
from articles.importer import (
    ParseError,
    heading_style,
    parse_markdown,
    parse_text,
    read_article,
)
from articles.models import Article

from ..factories import make_network_link, make_user

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = date(2026, 6, 1)

# file, sections, subsections, takeaway rows, lead paragraphs, network titles
FIXTURE_SHAPES = [
    ("community-fridges.txt", 4, 5, 5, 2, 3),
    ("lighthouse-keepers.txt", 3, 6, 4, 3, 0),
    ("repair-cafe.txt", 4, 0, 3, 2, 2),
    ("salt-marsh.txt", 4, 4, 5, 2, 4),
    ("rock-pools.md", 3, 4, 4, 2, 2),
]


def levels(article):
    return [section.level for section in article.sections]


def text(*lines):
    return "\n".join(lines)


def export(data):
    """A demo article written out in the plain-text shape of the seed."""
    lines = [data["title"], "- THE MAG POST", "", "- Mar 2", "- 6 min read", ""]
    lines += data["lead"]
    for _, heading, paragraphs in data["sections"]:
        lines += [heading, *paragraphs]
    lines += [f"{aspect} | {highlight} |" for aspect, highlight in [
        data["takeaways_header"], *data["takeaways"]
    ]]  # fmt: skip
    lines += ["From our network :", *data["network"], "", "Comments"]
    return text(*lines)


# The seed and other exports in its shape -------------------------------------


def test_seed_comes_out_as_six_sections_and_eleven_subsections(seed_path):
    """The seed's Title Case headings are sections, sentence case subsections."""
    article = read_article(seed_path, today=TODAY)
    assert levels(article).count(2) == 6
    assert levels(article).count(3) == 11
    assert levels(article)[:3] == [2, 3, 3]
    assert len(article.lead) == 3
    assert all(len(section.paragraphs) in (1, 2) for section in article.sections)


def test_seed_table_date_and_network_list_are_read(seed_path):
    """The pipe table's first row is its header; the date gets a year."""
    article = read_article(seed_path, today=TODAY)
    assert article.takeaways_header == ("Aspect", "Highlights")
    assert len(article.takeaways) == 6
    assert all(aspect and highlight for aspect, highlight in article.takeaways)
    assert article.published_on == date(2025, 8, 24)
    assert len(article.network_titles) == 5
    assert article.slug.startswith("putin-trump-meeting-in-alaska")


@pytest.mark.parametrize(
    "name, sections, subsections, rows, lead, network", FIXTURE_SHAPES
)
def test_fixture_exports_keep_their_structure(
    name, sections, subsections, rows, lead, network
):
    """Each hand-written export parses into the structure it was written with."""
    article = read_article(FIXTURES / name, today=TODAY)
    assert levels(article).count(2) == sections
    assert levels(article).count(3) == subsections
    assert len(article.takeaways) == rows
    assert len(article.lead) == lead
    assert len(article.network_titles) == network
    assert all(section.heading for section in article.sections)


@pytest.mark.parametrize("data", demo_content.ARTICLES, ids=lambda data: data["slug"])
def test_demo_articles_exported_as_text_keep_their_heading_levels(data):
    """Six more articles, written for the demo, survive a round trip."""
    article = parse_text(export(data), today=TODAY)
    assert [(s.level, s.heading) for s in article.sections] == [
        (level, heading) for level, heading, _ in data["sections"]
    ]
    assert article.takeaways == [tuple(row) for row in data["takeaways"]]
    assert article.network_titles == data["network"]


def test_windows_line_endings_byte_order_mark_and_blank_lines_change_nothing(
    tmp_path,
):
    """CRLF, a BOM, tabs and trailing blank lines parse like the clean file."""
    original = (FIXTURES / "community-fridges.txt").read_text(encoding="utf-8")
    messy = tmp_path / "messy.txt"
    messy.write_bytes(
        "\ufeff".encode() + original.replace("\n", "\t\r\n").encode() + b"\r\n" * 5
    )
    assert read_article(messy, today=TODAY) == read_article(
        FIXTURES / "community-fridges.txt", today=TODAY
    )


def test_section_that_opens_with_a_subsection_keeps_both_headings():
    """A heading straight after a heading is still a heading, not a paragraph."""
    article = read_article(FIXTURES / "salt-marsh.txt", today=TODAY)
    headings = [(s.level, s.heading, len(s.paragraphs)) for s in article.sections]
    assert (2, "Counting What Comes Back", 0) in headings
    assert (3, "Birds and plants", 1) in headings


# Telling headings from paragraphs --------------------------------------------

PARAGRAPH = (
    "This is an ordinary paragraph of several sentences. It ends with a full "
    "stop, as prose does."
)


def test_line_with_closing_punctuation_is_a_paragraph():
    """A short line that ends like a sentence is text, not a heading."""
    article = parse_text(text("Title", "It rained all week.", PARAGRAPH))
    assert article.lead == ["It rained all week.", PARAGRAPH]
    assert article.sections == []


def test_long_line_without_punctuation_is_a_paragraph():
    """A line over the heading word limit is text, however it ends."""
    long_line = " ".join(["word"] * 20)
    article = parse_text(text("Title", long_line, PARAGRAPH))
    assert article.lead == [long_line, PARAGRAPH]


def test_short_line_with_no_text_after_it_stays_text():
    """A heading needs a paragraph under it; a last short line is kept as text."""
    article = parse_text(text("Title", PARAGRAPH, "Thanks for reading"))
    assert article.lead == [PARAGRAPH, "Thanks for reading"]


def test_article_in_one_heading_style_has_sections_only():
    """With no mix of title and sentence case, every heading is a section."""
    article = parse_text(
        text("Title", PARAGRAPH, "First part here", PARAGRAPH, "Second part", PARAGRAPH)
    )
    assert levels(article) == [2, 2]


def test_first_heading_is_a_section_even_in_sentence_case():
    """A sentence-case heading before any Title Case one is not a subsection."""
    article = parse_text(
        text(
            "Title",
            PARAGRAPH,
            "Where it began",
            PARAGRAPH,
            "The Middle Years",
            PARAGRAPH,
            "What came after",
            PARAGRAPH,
        )  # fmt: skip
    )
    assert levels(article) == [2, 2, 3]


def test_heading_of_unknown_style_continues_the_run_it_is_in():
    """A one-word heading takes the level of the heading before it."""
    article = parse_text(
        text(
            "Title",
            "Counting the Birds",
            PARAGRAPH,
            "Methods used here",
            PARAGRAPH,
            "Results",
            PARAGRAPH,
            "What Comes Next",
            PARAGRAPH,
            "Conclusion",
            PARAGRAPH,
        )  # fmt: skip
    )
    assert levels(article) == [2, 3, 3, 2, 2]


@pytest.mark.parametrize(
    "heading, style",
    [
        ("Why Salt Marshes Matter", "title"),
        ("Living on a Rock in the Middle of the Sea", "title"),
        ("Night Watch: What the Keepers Actually Did", "title"),
        ("From Lagos to Accra: Charting the Road ahead", "title"),
        ("Carbon stored in mud", "sentence"),
        ("How the GPS era changed the job", "sentence"),
        ("Storms that shook Gull Rock", "sentence"),
        ("Implications for the U.S. and allied diplomacy", "sentence"),
        ("Monitoring", None),
        ("The End", "title"),
        ("Into the 1990s", None),
    ],
)
def test_heading_style_ignores_names_minor_words_and_the_first_word(heading, style):
    """Names, acronyms, minor words and the first word say nothing of style."""
    names = {"Gull", "Rock", "Lagos", "Accra", "U.S"}
    assert heading_style(heading, names) == style


def test_words_capitalised_mid_sentence_count_as_names():
    """A capital seen mid-sentence in the text marks a name, not title case."""
    article = parse_text(
        text(
            "Title",
            "A Harbour Town Changes",
            PARAGRAPH,
            "Ferries leave Port Ellen",
            "The harbour at Port Ellen is small. Boats leave it daily for the "
            "mainland, weather permitting.",
        )  # fmt: skip
    )
    assert levels(article) == [2, 3]


# Metadata, table, network list -----------------------------------------------


@pytest.mark.parametrize(
    "line, expected",
    [
        ("- Aug 24", date(2025, 8, 24)),
        ("- May 2", date(2026, 5, 2)),
        ("- June 1", date(2026, 6, 1)),
        ("- 3 Sept", date(2025, 9, 3)),
        ("- August 24, 2023", date(2023, 8, 24)),
        ("- 24 Aug 2023", date(2023, 8, 24)),
        ("- 2023-08-24", date(2023, 8, 24)),
        ("- 10 min read", None),
        ("- THE MAG POST", None),
    ],
)
def test_date_line_gets_this_year_unless_that_is_in_the_future(line, expected):
    """A date with no year is the latest such day up to today."""
    article = parse_text(text("Title", line, PARAGRAPH), today=TODAY)
    assert article.published_on == expected


def test_impossible_date_is_an_error():
    """A date that is no day of the calendar is reported, not guessed."""
    with pytest.raises(ParseError, match="not a real day"):
        parse_text(text("Title", "- Feb 30", PARAGRAPH), today=TODAY)


def test_export_without_table_or_network_list_still_parses():
    """The table and the network list are optional."""
    article = parse_text(text("Title", PARAGRAPH, "Comments"))
    assert article.takeaways == []
    assert article.network_titles == []
    assert article.takeaways_header == ("Aspect", "Highlights")


def test_table_with_empty_cells_keeps_them():
    """An empty cell is imported as it is, for the checks to point out."""
    article = parse_text(text("Title", PARAGRAPH, "Step | Note |", "First |  |"))
    assert article.takeaways == [("First", "")]


def test_table_row_with_three_cells_is_an_error():
    """The takeaways table has two columns; a third is not dropped silently."""
    with pytest.raises(ParseError, match="Row 2 of the takeaways table has 3 cells"):
        parse_text(text("Title", PARAGRAPH, "A | B |", "one | two | three |"))


def test_second_table_is_an_error():
    """Only one table is the takeaways table."""
    with pytest.raises(ParseError, match="more than one table"):
        parse_text(text("Title", "A | B |", "x | y |", PARAGRAPH, "C | D |"))


def test_comments_heading_inside_the_article_is_kept():
    """Only a closing "Comments" line is the page's comment thread."""
    article = parse_text(text("Title", PARAGRAPH, "Comments", PARAGRAPH))
    assert article.sections == [(2, "Comments", [PARAGRAPH])]


# Bad input -------------------------------------------------------------------


@pytest.mark.parametrize(
    "content, message",
    [
        ("", "The file is empty"),
        ("  \n\n\t\n", "The file is empty"),
        ("- Aug 24\n" + PARAGRAPH, "no title"),
        ("A | B |\nx | y |", "no title"),
        ("x" * 201 + "\n" + PARAGRAPH, "at most 200 characters"),
        ("Just a title\n\n", "no text under it"),
        ("¿¡…!?\n" + PARAGRAPH, "no web address"),
        ("Title\nBell\x07 rings.\n", "Line 2 contains a control character"),
    ],
)
def test_bad_exports_are_refused_with_a_reason(content, message):
    """Each kind of bad file gets a sentence saying what is wrong."""
    with pytest.raises(ParseError, match=message):
        parse_text(content)


def test_file_that_is_not_utf8_is_refused(tmp_path):
    """Bytes that are not UTF-8 are reported with their position."""
    path = tmp_path / "latin1.txt"
    path.write_bytes("Café culture\nA paragraph, in Latin-1.\n".encode("latin-1"))
    with pytest.raises(ParseError, match="is not UTF-8 text .byte 0xe9 at position 3"):
        read_article(path)


@pytest.mark.parametrize("name", ["missing.txt", ""])
def test_missing_file_or_folder_is_refused(tmp_path, name):
    """A path that is not a readable file is reported, not a traceback."""
    with pytest.raises(ParseError, match="Cannot read"):
        read_article(tmp_path / name)


# Markdown --------------------------------------------------------------------


def test_markdown_is_chosen_by_extension_or_by_format(tmp_path):
    """.md files are Markdown; format= overrides the extension."""
    source = (FIXTURES / "rock-pools.md").read_text(encoding="utf-8")
    as_txt = tmp_path / "rock-pools.txt"
    as_txt.write_text(source, encoding="utf-8")
    by_extension = read_article(FIXTURES / "rock-pools.md", today=TODAY)
    assert read_article(as_txt, format="markdown", today=TODAY) == by_extension
    assert by_extension.title == "Reading a Rock Pool at Low Tide"
    assert by_extension.published_on == date(2025, 6, 9)


def test_markdown_paragraphs_join_their_lines_and_keep_simple_markup():
    """Wrapped lines form one paragraph; emphasis and links become HTML."""
    article = read_article(FIXTURES / "rock-pools.md", today=TODAY)
    assert article.lead[0].startswith("When the tide pulls back from a rocky shore, it")
    assert "<em>temporary aquarium</em>" in article.lead[0]
    assert "\n" not in article.lead[0]
    safety = article.sections[4]
    assert (
        '<a href="https://tides.example/tables">national tide tables</a>'
        in (safety.paragraphs[0])
    )
    assert "<strong>very</strong>" in article.sections[1].paragraphs[0]


def test_markdown_escapes_html_and_refuses_unsafe_links():
    """HTML in Markdown is text; only http(s) and mailto links are made."""
    article = parse_markdown(
        text(
            "# Title",
            "",
            "<script>alert(1)</script> and [bad](javascript:alert(1)) and "
            '[odd](https://x.example/"onmouseover=alert(1)).',
        )
    )
    paragraph = article.lead[0]
    assert "<script>" not in paragraph
    assert "&lt;script&gt;" in paragraph
    assert "<a" in paragraph and 'href="javascript' not in paragraph
    assert "&quot;onmouseover" in paragraph
    assert " onmouseover" not in paragraph


@pytest.mark.parametrize(
    "content, message",
    [
        ("Title without a hash\n\nText.", "no title"),
        ("## Not the title\n\nText.", "no title"),
        ("# Title\n\n#### Too deep\n\nText.", "level-4 heading"),
        ("# Title\n\n# Another title\n\nText.", "level-1 heading"),
        ("# Title\n\n## **\n\nText.", "has no words"),
    ],
)
def test_bad_markdown_is_refused_with_a_reason(content, message):
    """A Markdown file needs one # title and only ## and ### headings."""
    with pytest.raises(ParseError, match=message):
        parse_markdown(content)


# Storing: Article.objects.create_from ----------------------------------------


@pytest.mark.django_db
def test_imported_article_is_a_draft_with_sections_takeaways_and_date():
    """The builder stores every part, in order, with anchors and the date."""
    author = make_user()
    data = read_article(FIXTURES / "lighthouse-keepers.txt")
    article, left_out = Article.objects.create_from(data, author=author)
    assert article.status == Article.Status.DRAFT
    assert article.published_at == timezone.make_aware(datetime(2024, 2, 14))
    assert [(s.level, s.heading) for s in article.sections.all()] == [
        (s.level, s.heading) for s in data.sections
    ]
    assert (
        article.sections.first().anchor == "night-watch-what-the-keepers-actually-did"
    )
    assert [(t.aspect, t.highlight) for t in article.takeaways.all()] == data.takeaways
    assert (article.takeaways_aspect_label, article.takeaways_highlight_label) == (
        "Era",
        "What changed",
    )
    assert article.lead.count("<p>") == 3
    assert article.word_count > 500
    assert left_out == []


@pytest.mark.django_db
def test_html_in_an_export_is_stored_as_text():
    """Markup in a plain-text export is escaped, never trusted."""
    data = parse_text(
        text(
            "Title",
            '<script>alert(1)</script> <img src=x onerror="alert(2)"> is text.',
        )
    )
    article, _ = Article.objects.create_from(data, author=make_user())
    assert "<script" not in article.lead
    assert "<img" not in article.lead
    assert article.lead.startswith("<p>&lt;script&gt;alert(1)&lt;/script&gt;")


@pytest.mark.django_db
def test_network_titles_match_links_ignoring_case():
    """Matching links are pinned; the others are returned as left out."""
    bread = make_network_link(
        title="Reviving a Neglected Sourdough Starter in Three Days"
    )
    cards = make_network_link(title="ten ways to get more from your library card")
    make_network_link(
        title="ten ways to get more from your library card", is_active=False
    )
    data = read_article(FIXTURES / "community-fridges.txt")
    article, left_out = Article.objects.create_from(data, author=make_user())
    assert set(article.pinned_links.all()) == {bread, cards}
    assert left_out == ["How to start a tool library on your street"]


@pytest.mark.django_db
def test_replacing_keeps_the_article_row_and_swaps_its_content():
    """--replace updates the same article and drops its old parts."""
    author = make_user()
    link = make_network_link(title="A gentle introduction to cron jobs")
    first = read_article(FIXTURES / "rock-pools.md")
    article, _ = Article.objects.create_from(first, author=author, publish=True)
    article.tags.add("shore")
    article.meta_description = "Kept, since exports carry none."
    article.save()
    old_sections = list(article.sections.values_list("pk", flat=True))

    second = parse_markdown(
        text(
            "# Reading a Rock Pool at Low Tide",
            "",
            "A new lead.",
            "",
            "## Only One",
            "",
            "Its text.",
        )  # fmt: skip
    )
    replaced, _ = Article.objects.create_from(second, author=author, replace=True)

    assert replaced.pk == article.pk
    assert Article.objects.count() == 1
    assert [s.heading for s in replaced.sections.all()] == ["Only One"]
    assert not replaced.sections.filter(pk__in=old_sections).exists()
    assert replaced.takeaways.count() == 0
    assert list(replaced.tags.all()) == []
    assert link not in replaced.pinned_links.all()
    assert replaced.status == Article.Status.DRAFT
    assert replaced.meta_description == "Kept, since exports carry none."
    assert replaced.lead == "<p>A new lead.</p>"


@pytest.mark.django_db
def test_publishing_without_a_date_publishes_now():
    """With no date line, a published import is dated now."""
    data = parse_text(text("Title", PARAGRAPH))
    article, _ = Article.objects.create_from(data, author=make_user(), publish=True)
    assert article.is_published() is True
    assert timezone.now() - article.published_at < timedelta(minutes=1)
