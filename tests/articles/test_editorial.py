import pytest

from articles.editorial import (
    Finding,
    check_article,
    empty_sections,
    empty_takeaway_cells,
    long_title,
    missing_meta_description,
    repeated_paragraphs,
    skipped_heading_levels,
    split_paragraphs,
    stuffed_phrases,
)
from articles.importer import read_article
from articles.models import Article, Section

from ..factories import image_file, make_article, make_user
from .test_importer import FIXTURE_SHAPES, FIXTURES


def filler(words, start=0):
    """Text of `words` different words, so it repeats no phrase."""
    return " ".join(f"word{number}" for number in range(start, start + words)) + ". "


def codes(findings):
    return [finding.code for finding in findings]


@pytest.fixture
def small_texts(settings):
    """Thresholds sized for texts of a few dozen words."""
    settings.MAGPOST_STUFFING_MIN_COUNT = 3
    settings.MAGPOST_STUFFING_PER_1000_WORDS = 20
    settings.MAGPOST_REPEATED_PARAGRAPH_MIN_WORDS = 4
    return settings


# Repeated paragraphs ---------------------------------------------------------


def test_paragraph_repeated_word_for_word_is_flagged(small_texts):
    """The repeat is reported where it occurs, naming the first occurrence."""
    findings = list(
        repeated_paragraphs(
            [
                ("lead, paragraph 1", "The ferry left at dawn, as it always does."),
                ("lead, paragraph 2", "Gulls followed it out."),
                (
                    "section “Out”, paragraph 1",
                    "The ferry  left at dawn as it ALWAYS does",
                ),
            ]
        )
    )
    assert findings == [
        Finding(
            "repeated_paragraph",
            "This paragraph repeats lead, paragraph 1 word for word. Remove one "
            "of them.",
            "section “Out”, paragraph 1",
        )
    ]


def test_similar_or_short_paragraphs_are_not_flagged_as_repeats(small_texts):
    """Different wording, or a repeat under the word minimum, is fine."""
    findings = repeated_paragraphs(
        [
            ("a", "The ferry left at dawn, as it always does."),
            ("b", "The ferry left at noon, as it always does."),
            ("c", "Read on."),
            ("d", "Read on."),
        ]
    )
    assert list(findings) == []


# Keyword stuffing ------------------------------------------------------------


def test_phrase_repeated_too_often_is_flagged_with_its_count(small_texts):
    """The longest stuffed phrase is reported once, with count and density."""
    stuffed = "Cheap garden sheds are here. " * 4
    findings = list(stuffed_phrases([("lead, paragraph 1", stuffed + filler(60))]))
    assert codes(findings) == ["keyword_stuffing"]
    assert findings[0].message.startswith("“cheap garden sheds” appears 4 times (")
    assert findings[0].place == "lead, paragraph 1"


def test_stuffed_phrase_reports_where_it_appears(small_texts):
    """The place names the first occurrence and how many other places."""
    texts = [("title", "Best Garden Sheds")] + [
        (f"lead, paragraph {n}", f"{filler(30, start=100 * n)} garden sheds.")
        for n in (1, 2, 3)
    ]
    [finding] = stuffed_phrases(texts)
    assert finding.place == "title and 3 other places"
    assert "“garden sheds” appears 4 times" in finding.message


def test_shorter_phrase_inside_a_stuffed_one_is_not_reported_again(small_texts):
    """ "putin trump meeting" is reported, not also "putin trump"."""
    text = "".join(f"The Putin Trump meeting {filler(12, 100 * n)}" for n in range(5))
    findings = list(stuffed_phrases([("lead", text)]))
    assert [f.message.split("”")[0] for f in findings] == ["“putin trump meeting"]


def test_shorter_phrase_stuffed_on_its_own_is_also_reported(small_texts):
    """A sub-phrase that is stuffed outside the longer phrase is still reported."""
    text = "".join(f"Solar panel prices {filler(5, 100 * n)}" for n in range(4))
    text += "Solar panel, solar panel; solar panel. " * 2
    findings = list(stuffed_phrases([("lead", text + filler(60))]))
    phrases = [f.message.split("”")[0].lstrip("“") for f in findings]
    assert phrases == ["solar panel prices", "solar panel"]


@pytest.mark.parametrize(
    "text",
    [
        # Below the minimum count.
        "Garden sheds are useful. Garden sheds are dry. " + filler(60),
        # Common words only: "of the" and "in the" are not phrases.
        " ".join(f"word{n} of the word{n + 100} in the" for n in range(12)),
        # A phrase broken by punctuation does not count.
        "".join(f"word{n} garden. Sheds word{n + 100}. " for n in range(6))
        + filler(30),
    ],
)
def test_natural_repetition_is_not_flagged_as_stuffing(small_texts, text):
    """Rare phrases, stop words and phrases across punctuation are not stuffing."""
    assert list(stuffed_phrases([("lead", text)])) == []


def test_stuffing_needs_both_the_count_and_the_density(small_texts):
    """A phrase used often in a long text is not stuffing."""
    text = "Garden sheds keep tools dry. " * 3 + filler(300)
    assert list(stuffed_phrases([("lead", text)])) == []
    small_texts.MAGPOST_STUFFING_PER_1000_WORDS = 5
    assert codes(stuffed_phrases([("lead", text)])) == ["keyword_stuffing"]


# Structure -------------------------------------------------------------------


def test_subsection_before_any_section_skips_a_level():
    """An h3 straight under the title skips h2."""
    findings = list(
        skipped_heading_levels([("subsection “Early”", 3), ("section “A”", 2)])
    )
    assert codes(findings) == ["skipped_heading_level"]
    assert findings[0].place == "subsection “Early”"
    assert "follows a level-1 one" in findings[0].message


def test_sections_and_their_subsections_skip_no_level():
    """h2, h3, h3, h2, h2, h3 is a correct outline."""
    levels = [2, 3, 3, 2, 2, 3]
    assert (
        list(skipped_heading_levels([(str(n), lv) for n, lv in enumerate(levels)]))
        == []
    )


def test_section_without_text_is_flagged():
    """A heading with no text under it, and no subsection, is empty."""
    findings = list(
        empty_sections(
            [
                ("section “A”", 2, "Text."),
                ("section “B”", 2, " \xa0 "),
                ("section “C”", 2, "Text."),
                ("subsection “D”", 3, ""),
            ]
        )
    )
    assert [finding.place for finding in findings] == ["section “B”", "subsection “D”"]


def test_section_that_opens_into_a_subsection_is_not_empty():
    """A section whose text is all in its subsections is fine."""
    findings = empty_sections([("section “A”", 2, ""), ("subsection “B”", 3, "Text.")])
    assert list(findings) == []


def test_takeaway_row_with_an_empty_cell_is_flagged():
    """Either blank cell is reported, with the row's number."""
    findings = list(
        empty_takeaway_cells([("Cost", "Low"), ("Speed", " "), ("", "Fast")])
    )
    assert [finding.place for finding in findings] == [
        "key takeaways, row 2",
        "key takeaways, row 3",
    ]


def test_full_takeaway_rows_are_not_flagged():
    """Rows with both cells filled pass."""
    assert list(empty_takeaway_cells([("Cost", "Low"), ("Speed", "Fast")])) == []


def test_title_longer_than_the_setting_is_flagged(settings):
    """The limit is a setting, read when the check runs."""
    settings.MAGPOST_TITLE_MAX_LENGTH = 20
    assert codes(long_title("Twenty characters ok")) == []
    assert codes(long_title("Twenty-one characters")) == ["long_title"]


def test_missing_meta_description_is_flagged():
    """A blank meta description is flagged; any text passes."""
    assert codes(missing_meta_description("  ")) == ["no_meta_description"]
    assert codes(missing_meta_description("What this is about.")) == []


def test_paragraphs_are_split_at_block_tags():
    """Paragraphs and list items are separate; entities are decoded."""
    html = "<p>One &amp; two.</p><ul><li>Three</li></ul><p>  </p><blockquote><p>Four</p></blockquote>"
    assert split_paragraphs(html) == ["One & two.", "Three", "Four"]


# The whole article -----------------------------------------------------------


@pytest.mark.django_db
def test_clean_article_has_no_findings():
    """A well-formed article with a meta description passes every check."""
    article = make_article(meta_description="Where to find quiet, and why it helps.")
    assert check_article(article) == []


@pytest.mark.django_db
def test_hero_image_with_blank_alt_text_is_flagged(article):
    """Alt text of only spaces gets past the database, not past the checks."""
    article.meta_description = "A description."
    article.hero_image = image_file()
    article.hero_alt = "   "
    article.save()
    assert codes(check_article(article)) == ["no_alt_text"]


@pytest.mark.django_db
def test_article_findings_name_their_places(author):
    """Each finding says where in the article it was found."""
    article = make_article(
        author=author, sections=0, takeaways=0, meta_description="",
        lead="<p>The same opening words, repeated twice for no good reason.</p>"
        "<p>The same opening words, repeated twice for no good reason.</p>",
    )  # fmt: skip
    Section.objects.create(
        article=article, level=3, heading="Too Deep", body="", order=1
    )
    article.takeaways.create(aspect="Cost", highlight="", order=1)
    findings = check_article(article)
    assert [(f.code, f.place) for f in findings] == [
        ("no_meta_description", "meta description"),
        ("skipped_heading_level", "subsection “Too Deep”"),
        ("empty_section", "subsection “Too Deep”"),
        ("repeated_paragraph", "lead, paragraph 2"),
        ("empty_takeaway_cell", "key takeaways, row 1"),
    ]
    assert str(findings[0]) == f"meta description: {findings[0].message}"


@pytest.mark.django_db
def test_seed_repeated_paragraph_and_stuffed_phrase_are_flagged(seed_path):
    """The seed repeats its first paragraph and stuffs "Putin Trump meeting"."""
    article, _ = Article.objects.create_from(
        read_article(seed_path), author=make_user()
    )
    findings = {finding.code: finding for finding in check_article(article)}
    assert findings["repeated_paragraph"].place == "lead, paragraph 3"
    assert "repeats lead, paragraph 1" in findings["repeated_paragraph"].message
    stuffing = [f for f in check_article(article) if f.code == "keyword_stuffing"]
    assert len(stuffing) == 1
    assert stuffing[0].message.startswith("“putin trump meeting” appears 35 times")
    assert "skipped_heading_level" not in findings
    assert "empty_section" not in findings
    assert "empty_takeaway_cell" not in findings


@pytest.mark.django_db
@pytest.mark.parametrize("name", [shape[0] for shape in FIXTURE_SHAPES])
def test_fixture_articles_lack_only_a_meta_description(name):
    """Well-written exports trip no check but the one exports cannot satisfy."""
    article, _ = Article.objects.create_from(
        read_article(FIXTURES / name), author=make_user()
    )
    assert codes(check_article(article)) == ["no_meta_description"]
