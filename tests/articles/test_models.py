from datetime import timedelta

import pytest

from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from articles.models import Article, Section, Takeaway
from articles.richtext import outline, render_body

from ..factories import image_file, make_article, make_network_link

pytestmark = pytest.mark.django_db


def test_published_articles_are_visible():
    article = make_article()
    assert list(Article.objects.published()) == [article]


def test_drafts_are_hidden_from_readers():
    make_article(status=Article.Status.DRAFT, published_at=None)
    assert Article.objects.published().count() == 0


def test_scheduled_article_is_hidden_until_its_time(monkeypatch):
    """No job publishes it: the query compares with the clock when it runs."""
    publish_at = timezone.now() + timedelta(hours=2)
    article = make_article(published_at=publish_at)
    assert list(Article.objects.published()) == []
    assert list(Article.objects.scheduled()) == [article]

    later = publish_at + timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert list(Article.objects.published()) == [article]


def test_publishing_without_a_date_publishes_now():
    article = make_article(status=Article.Status.DRAFT, published_at=None)
    article.publish()
    article.refresh_from_db()
    assert article.status == "published"
    assert timezone.now() - article.published_at < timedelta(minutes=1)
    assert article.is_published() is True


def test_published_article_without_a_date_is_refused_by_the_database():
    article = make_article()
    with pytest.raises(IntegrityError):
        Article.objects.filter(pk=article.pk).update(published_at=None)


def test_status_is_stored_as_the_word():
    article = make_article(status=Article.Status.DRAFT, published_at=None)
    assert Article.objects.filter(pk=article.pk).values_list("status", flat=True).get() == "draft"


def test_slug_is_made_from_the_title_when_left_empty(author):
    article = Article.objects.create(title="Night Trains Return!", author=author)
    assert article.slug == "night-trains-return"


def test_reading_time_counts_lead_headings_bodies_and_takeaways(author, settings):
    settings.MAGPOST_WORDS_PER_MINUTE = 10
    article = Article.objects.create(
        title="Counting", slug="counting", author=author, lead="<p>one two three</p>"
    )
    Section.objects.create(article=article, heading="four five", body="<p>six <b>seven</b></p>")
    Takeaway.objects.create(article=article, aspect="eight", highlight="nine ten eleven")
    article.refresh_from_db()
    assert article.word_count == 11
    assert article.reading_time == 2


def test_reading_time_is_at_least_one_minute(author):
    article = Article.objects.create(title="Empty", slug="empty", author=author)
    assert article.reading_time == 1


@pytest.mark.parametrize(("words", "minutes"), [(250, 1), (251, 2), (500, 2), (501, 3)])
def test_reading_time_rounds_up(author, settings, words, minutes):
    settings.MAGPOST_WORDS_PER_MINUTE = 250
    article = Article.objects.create(
        title="x", slug="x", author=author, lead="<p>" + "word " * words + "</p>"
    )
    assert article.word_count == words
    assert article.reading_time == minutes


def test_reading_time_follows_sections_removed(article):
    before = article.word_count
    article.sections.first().delete()
    article.refresh_from_db()
    assert article.word_count < before


@pytest.mark.parametrize(
    ("dirty", "forbidden"),
    [
        ("<p>hi</p><script>alert(1)</script>", "<script"),
        ('<p onclick="steal()">hi</p>', "onclick"),
        ('<img src="x" onerror="alert(1)">', "onerror"),
        ('<a href="javascript:alert(1)">link</a>', "javascript:"),
        ('<a href="data:text/html,&lt;script&gt;">link</a>', "data:"),
        ('<p style="background:url(javascript:alert(1))">hi</p>', "style"),
        ("<iframe src='https://evil.example'></iframe>", "<iframe"),
    ],
)
def test_rich_text_is_sanitised_on_save(author, dirty, forbidden):
    article = Article.objects.create(title="t", slug="t", author=author, lead=dirty)
    section = Section.objects.create(article=article, heading="h", body=dirty)
    article.refresh_from_db()
    section.refresh_from_db()
    assert forbidden not in article.lead
    assert forbidden not in section.body


def test_sanitising_keeps_what_editors_write(author):
    markup = (
        "<p><strong>Bold</strong> and <em>italic</em> with "
        '<a href="https://example.com/">a link</a>.</p><ul><li>one</li></ul>'
        "<blockquote><p>quoted</p></blockquote>"
    )
    article = Article.objects.create(title="t", slug="t", author=author, lead=markup)
    assert "<strong>Bold</strong>" in article.lead
    assert '<a href="https://example.com/" rel="noopener noreferrer">a link</a>' in article.lead
    assert "<ul><li>one</li></ul>" in article.lead
    assert "<blockquote>" in article.lead


def test_section_anchors_are_unique_within_an_article(article):
    first = Section.objects.create(article=article, heading="Background", order=10)
    second = Section.objects.create(article=article, heading="Background", order=11)
    assert first.anchor == "background"
    assert second.anchor == "background-2"


def test_section_anchor_stays_when_the_heading_changes(article):
    section = Section.objects.create(article=article, heading="First try", order=10)
    section.heading = "A better heading"
    section.save()
    section.refresh_from_db()
    assert section.anchor == "first-try"


def test_section_level_must_be_2_or_3(article):
    with pytest.raises(IntegrityError):
        Section.objects.create(article=article, heading="Deep", level=4)


def test_outline_nests_subsections_under_their_section():
    article = make_article(sections=2, subsections=2)
    pairs = outline(article.sections.all())
    assert [(s.heading, [u.heading for u in subs]) for s, subs in pairs] == [
        ("Section 1 In Title Case", ["Subsection 1.1 in sentence case", "Subsection 1.2 in sentence case"]),
        ("Section 2 In Title Case", ["Subsection 2.1 in sentence case", "Subsection 2.2 in sentence case"]),
    ]


def stored_body(article):
    article.refresh_from_db()
    return article.body_html


def test_stored_body_follows_every_change_to_the_lead_sections_and_takeaways(article):
    """The page shows `body_html`, so each change an editor makes renders it anew."""
    article.lead = "<p>A new opening.</p>"
    article.save()
    assert "<p>A new opening.</p>" in stored_body(article)

    section = article.sections.first()
    section.heading = "Renamed in place"
    section.save()
    assert '<h2 id="section-1-in-title-case">Renamed in place</h2>' in stored_body(article)

    Section.objects.create(article=article, heading="Added last", level=3, order=99)
    assert '<h3 id="added-last">Added last</h3>' in stored_body(article)

    section.delete()
    assert "Renamed in place" not in stored_body(article)

    takeaway = article.takeaways.first()
    takeaway.highlight = "Quiet rooms sell out first"
    takeaway.save()
    assert "<td>Quiet rooms sell out first</td>" in stored_body(article)

    article.takeaways.all().first().delete()
    assert stored_body(article) == render_body(article, *article.parts())


def test_stored_body_escapes_plain_text_and_keeps_sanitised_rich_text(author):
    article = make_article(author=author, sections=0, takeaways=0)
    Section.objects.create(
        article=article, heading="<i>Tags</i> & more", body="<p>ok<script>x</script></p>"
    )
    Takeaway.objects.create(article=article, aspect="<b>a</b>", highlight="1 < 2")
    body = stored_body(article)
    assert "&lt;i&gt;Tags&lt;/i&gt; &amp; more" in body
    assert "<script>" not in body
    assert "<th scope=\"row\">&lt;b&gt;a&lt;/b&gt;</th><td>1 &lt; 2</td>" in body


def test_an_article_without_sections_or_takeaways_has_no_contents_or_table(author):
    article = make_article(author=author, sections=0, takeaways=0)
    body = stored_body(article)
    assert 'class="contents"' not in body
    assert "<table>" not in body
    assert '<div class="lead"><p>Where the noise stops, attention begins.</p></div>' in body


def test_hero_image_needs_alt_text(article):
    article.hero_image = image_file()
    article.hero_alt = " "
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "hero_alt" in error.value.message_dict


def test_hero_image_records_its_size(article):
    article.hero_image = image_file(size=(1200, 675))
    article.hero_alt = "A teal square"
    article.save()
    article.refresh_from_db()
    assert (article.hero_width, article.hero_height) == (1200, 675)


def test_network_links_are_the_pinned_ones_when_any_are_pinned(article):
    make_network_link()
    pinned = make_network_link(title="Pinned one")
    article.pinned_links.add(pinned)
    assert article.network_links() == [pinned]


def test_network_links_fall_back_to_the_newest_active_five(article):
    now = timezone.now()
    links = [
        make_network_link(created_at=now - timedelta(days=n)) for n in range(7)
    ]
    make_network_link(is_active=False, created_at=now + timedelta(days=1))
    assert article.network_links() == links[:5]


def test_description_falls_back_to_the_lead(author):
    article = Article.objects.create(
        title="t", slug="t", author=author, lead="<p>Short <em>lead</em>.</p>"
    )
    assert article.description == "Short lead."
    article.meta_description = "Written for search engines."
    assert article.description == "Written for search engines."
