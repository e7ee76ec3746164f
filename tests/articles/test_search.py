import re
from datetime import timedelta

import pytest

from django.urls import reverse
from django.utils import timezone

from articles import search
from articles.models import Article, Section

from ..factories import make_article

pytestmark = pytest.mark.django_db


def found(query):
    return list(Article.objects.published().search(query))


def test_search_finds_words_from_section_bodies():
    """A word that appears only in a section body finds its article."""
    article = make_article(title="Night trains")
    Section.objects.create(
        article=article, heading="Aboard", body="<p>The couchettes fold away.</p>"
    )
    make_article(title="Quiet rooftops")
    assert found("couchettes") == [article]


def test_search_finds_words_from_titles_leads_and_headings():
    """Titles, leads and headings are all searched."""
    by_title = make_article(title="Lighthouse keepers")
    by_lead = make_article(lead="<p>A <em>marmalade</em> recipe.</p>")
    by_heading = make_article()
    Section.objects.create(article=by_heading, heading="Harbour cranes", body="")
    assert found("lighthouse") == [by_title]
    assert found("marmalade") == [by_lead]
    assert found("cranes") == [by_heading]


def test_search_ranks_a_title_match_first():
    """A title match outranks a newer article that only mentions the word."""
    in_title = make_article(
        title="Lighthouses of the north",
        published_at=timezone.now() - timedelta(days=5),
    )
    in_body = make_article(title="Coastal walks")
    Section.objects.create(
        article=in_body,
        heading="On the cliffs",
        body="<p>A lighthouse, another lighthouse, and a lighthouse museum.</p>",
    )
    assert found("lighthouse") == [in_title, in_body]


def test_search_needs_every_word():
    """Several words find the articles containing all of them."""
    both = make_article(title="Bees and lime trees")
    make_article(title="Bees in winter")
    assert found("lime bees") == [both]


def test_search_matches_other_forms_of_a_word():
    """Stemming finds 'hives' when the reader types 'hive'."""
    article = make_article(title="Rooftop hives")
    assert found("hive") == [article]


def test_search_shows_only_published_articles():
    """Drafts and scheduled articles are never found."""
    make_article(
        title="Lighthouse draft", status=Article.Status.DRAFT, published_at=None
    )
    make_article(
        title="Lighthouse later", published_at=timezone.now() + timedelta(days=1)
    )
    live = make_article(title="Lighthouse now")
    assert found("lighthouse") == [live]


def test_search_follows_section_changes():
    """Editing or deleting a section updates what the article is found by."""
    article = make_article()
    section = Section.objects.create(
        article=article, heading="Weather", body="<p>Drizzle all week.</p>"
    )
    section.body = "<p>Sunshine at last.</p>"
    section.save()
    assert found("drizzle") == []
    assert found("sunshine") == [article]
    section.delete()
    assert found("sunshine") == []


def test_search_follows_title_changes(article):
    """Saving a new title reindexes the article."""
    article.title = "Marmalade season"
    article.save()
    assert found("marmalade") == [article]


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        '"',
        "AND",
        "OR OR",
        "NOT",
        "*",
        "title:quiet",
        "(quiet",
        "NEAR(quiet places",
        "quiet\x00places",
        "-",
        "'; DROP TABLE articles_article; --",
        "🐝",
        "\u202equiet",
        "x" * 10_000,
        "quiet " * 2_000,
    ],
)
def test_odd_queries_answer_a_page(client, query):
    """Any text typed into the search box gets a results page, never an error."""
    make_article()
    response = client.get(reverse("articles:search"), {"q": query})
    assert response.status_code == 200
    assert response.context["query"] == search.clean_query(query)


def test_query_syntax_is_not_obeyed():
    """A trailing * does not turn a word into a prefix search."""
    article = make_article(title="Salt and pepper")
    make_article(title="Peppermint tea")
    assert found("pepper*") == [article]


def test_long_queries_are_cut_to_the_setting(settings):
    """Only the first MAGPOST_SEARCH_MAX_LENGTH characters are searched."""
    settings.MAGPOST_SEARCH_MAX_LENGTH = 10
    assert search.clean_query("lighthouse keepers") == "lighthouse"


def test_empty_search_invites_a_query(client):
    """With nothing to look for, the page asks for words and runs no search."""
    make_article()
    response = client.get(reverse("articles:search"))
    assert response.status_code == 200
    assert list(response.context["articles"]) == []
    assert "Type one or more words" in response.content.decode()


def test_results_mark_the_matching_words(client):
    """The title and an excerpt of the body show the searched words in <mark>."""
    article = make_article(title="Lighthouses of the north")
    Section.objects.create(
        article=article,
        heading="Keepers",
        body="<p>"
        + "filler " * 40
        + "The last keeper left the lighthouse in 1998.</p>",
    )
    html = client.get(reverse("articles:search"), {"q": "lighthouse"}).content.decode()
    assert "<mark>Lighthouses</mark> of the north" in html
    assert "left the <mark>lighthouse</mark> in 1998." in html
    # The excerpt starts near the match, not at the start of the article.
    assert re.search(r'<p class="card-summary">… filler', html)


def test_results_escape_what_they_mark(client):
    """Marking never lets an article's own markup through."""
    make_article(title="<b>Bees</b> & honey")
    html = client.get(reverse("articles:search"), {"q": "bees"}).content.decode()
    assert "&lt;b&gt;<mark>Bees</mark>&lt;/b&gt; &amp; honey" in html
    assert "<b>Bees</b>" not in html


def test_search_results_are_not_indexed_by_search_engines(client):
    """The results page asks search engines not to index it."""
    html = client.get(reverse("articles:search"), {"q": "quiet"}).content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert html.count("<h1") == 1


def test_search_pages_keep_the_query(client, settings):
    """Links to the next page of results search for the same words."""
    settings.MAGPOST_ARTICLES_PER_PAGE = 2
    for _ in range(3):
        make_article(title="Lighthouse notes")
    first = client.get(reverse("articles:search"), {"q": "lighthouse notes"})
    assert 'href="?q=lighthouse%20notes&amp;page=2"' in first.content.decode()
    assert first.context["paginator"].count == 3
    second = client.get(
        reverse("articles:search"), {"q": "lighthouse notes", "page": 2}
    )
    assert len(second.context["articles"]) == 1


def test_every_page_has_a_labelled_search_form(client):
    """The masthead's search form is a search landmark with a labelled field."""
    html = client.get("/").content.decode()
    assert 'role="search" action="/search/"' in html
    assert (
        '<label class="visually-hidden" for="site-search-q">Search articles</label>'
        in html
    )
    assert 'id="site-search-q" name="q"' in html


@pytest.mark.parametrize("scale", [1, 5])
def test_search_page_query_budget(client, django_assert_max_num_queries, scale):
    """Results cost a fixed number of queries, however many there are."""
    for _ in range(4 * scale):
        make_article(title="Lighthouse notes", tags=[f"t{n}" for n in range(scale)])
    with django_assert_max_num_queries(6):
        response = client.get(reverse("articles:search"), {"q": "lighthouse"})
    assert len(response.context["articles"]) == min(4 * scale, 10)


def test_highlight_marks_forms_of_the_query_words():
    """Plurals and common endings are marked; unrelated longer words are not."""
    marked = search.highlight(
        "Trains, training and the trainer; there then", ["train", "the"]
    )
    assert marked == (
        "<mark>Trains</mark>, <mark>training</mark> and <mark>the</mark> "
        "<mark>trainer</mark>; there then"
    )


def test_excerpt_is_cut_around_the_first_match():
    """The excerpt centres on the first match and shows where text was cut."""
    text = " ".join(f"w{n}" for n in range(100)) + " needle " + "tail " * 50
    assert (
        search.excerpt(text, ["needle"], 6)
        == "… w98 w99 <mark>needle</mark> tail tail tail …"
    )
    assert search.excerpt("short text", ["absent"], 6) == "short text"
