import json
import re
from datetime import datetime, timedelta

import pytest

from django.urls import reverse
from django.utils import timezone

from articles.models import Article

from ..factories import image_file, make_article, make_network_link, make_user

pytestmark = pytest.mark.django_db


def count(pattern, html):
    return len(re.findall(pattern, html))


def test_home_lists_published_articles_newest_first(client):
    older = make_article(published_at=timezone.now() - timedelta(days=3))
    newer = make_article(published_at=timezone.now() - timedelta(days=1))
    make_article(status=Article.Status.DRAFT, published_at=None, title="Secret draft")
    make_article(published_at=timezone.now() + timedelta(days=1), title="Not yet")

    response = client.get("/")

    assert response.status_code == 200
    assert list(response.context["articles"]) == [newer, older]
    html = response.content.decode()
    assert "Secret draft" not in html
    assert "Not yet" not in html
    assert count(r"<h1\b", html) == 1


def test_home_is_paginated(client, settings):
    settings.MAGPOST_ARTICLES_PER_PAGE = 2
    for _ in range(5):
        make_article()
    assert len(client.get("/").context["articles"]) == 2
    last = client.get("/?page=3")
    assert last.status_code == 200
    assert len(last.context["articles"]) == 1


@pytest.mark.parametrize("page", ["99", "0", "-1", "abc", "1.5"])
def test_bad_page_numbers_answer_404(client, page):
    make_article()
    response = client.get("/", {"page": page})
    assert response.status_code == 404


def test_article_page_shows_the_whole_article(client, author):
    article = make_article(author=author, sections=2, subsections=2, takeaways=3)
    link = make_network_link(title="Why shell loops forget")
    article.pinned_links.add(link)

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert count(r"<h1\b", html) == 1
    assert f"<h1 class=\"article-title\">{article.title}</h1>" in html
    assert f'<time datetime="{article.published_at.isoformat()}"' in html
    assert f"{article.reading_time} min read" in html
    assert 'href="/authors/ada/"' in html and "Ada Quill" in html
    # Sections as h2/h3 with stable anchors, and a contents list linking to them.
    for section in article.sections.all():
        tag = f"h{section.level}"
        assert f'<{tag} id="{section.anchor}">{section.heading}</{tag}>' in html
        assert f'href="#{section.anchor}"' in html
    assert count(r'<h2 id="section-\d', html) == 2
    assert count(r'<h3 id="subsection-', html) == 4
    # Takeaways as a real table with header cells.
    assert '<th scope="col">Aspect</th><th scope="col">Highlights</th>' in html
    assert count(r'<th scope="row">Aspect \d</th>', html) == 3
    assert 'href="/tags/travel/"' in html
    assert "Why shell loops forget" in html
    assert '<link rel="canonical" href="http://testserver/articles/' in html


def test_takeaway_column_labels_are_editable(client):
    article = make_article(takeaways_aspect_label="Topic", takeaways_highlight_label="In short")
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<th scope="col">Topic</th><th scope="col">In short</th>' in html


def test_article_text_is_escaped_where_it_is_plain(client):
    article = make_article(title="<script>alert(1)</script>")
    takeaway = article.takeaways.first()
    takeaway.aspect = "<b>bold</b>"
    takeaway.save()
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


def test_hero_image_has_alt_text_and_dimensions(client, article):
    article.hero_image = image_file(size=(1600, 900))
    article.hero_alt = "Bees on a rooftop hive"
    article.save()
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'alt="Bees on a rooftop hive" width="1600" height="900"' in html


def test_draft_answers_404_to_readers(client):
    draft = make_article(status=Article.Status.DRAFT, published_at=None)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_scheduled_article_answers_404_to_readers(client):
    scheduled = make_article(published_at=timezone.now() + timedelta(hours=1))
    assert client.get(scheduled.get_absolute_url()).status_code == 404


def test_staff_can_preview_a_draft(client):
    draft = make_article(status=Article.Status.DRAFT, published_at=None)
    client.force_login(make_user(is_staff=True))
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "Preview: this article is a draft" in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"


def test_logged_in_reader_who_is_not_staff_cannot_preview(client):
    draft = make_article(status=Article.Status.DRAFT, published_at=None)
    client.force_login(make_user())
    assert client.get(draft.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    "path", ["/articles/no-such-article/", "/articles/bad%20slug/", "/tags/nope/", "/authors/nobody/", "/nowhere/"]
)
def test_unknown_pages_answer_the_sites_own_404(client, path):
    make_article()
    response = client.get(path)
    assert response.status_code == 404
    assert "We couldn’t find that page" in response.content.decode()


def test_tag_archive_lists_published_articles_with_the_tag(client):
    tagged = make_article(tags=["beekeeping"])
    make_article(tags=["trains"])
    make_article(tags=["beekeeping"], status=Article.Status.DRAFT, published_at=None)
    response = client.get(reverse("articles:tag", args=["beekeeping"]))
    assert response.status_code == 200
    assert list(response.context["articles"]) == [tagged]
    assert "beekeeping" in response.content.decode()


def test_author_archive_lists_their_published_articles(client, author):
    mine = make_article(author=author)
    make_article()
    response = client.get(reverse("articles:author", args=[author.username]))
    assert response.status_code == 200
    assert list(response.context["articles"]) == [mine]
    assert "Ada Quill" in response.content.decode()


def test_author_with_only_drafts_has_no_public_page(client, author):
    make_article(author=author, status=Article.Status.DRAFT, published_at=None)
    response = client.get(reverse("articles:author", args=[author.username]))
    assert response.status_code == 404


def test_server_error_page_is_the_sites_own(client, settings):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Something went wrong on our side" in html
    assert "{%" not in html


# Query budgets: the page's query count does not grow with its content.


def big_article(scale):
    article = make_article(
        sections=3 * scale, subsections=2, takeaways=4 * scale,
        tags=[f"tag-{n}" for n in range(3 * scale)],
    )
    for n in range(3 * scale):
        article.pinned_links.add(make_network_link())
    return article


@pytest.mark.parametrize("scale", [1, 5])
def test_article_page_query_budget(client, django_assert_max_num_queries, scale):
    article = big_article(scale)
    with django_assert_max_num_queries(8):
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200


def test_article_page_query_budget_without_pinned_links(client, django_assert_max_num_queries):
    article = make_article(sections=10)
    for _ in range(8):
        make_network_link()
    with django_assert_max_num_queries(8):
        html = client.get(article.get_absolute_url()).content.decode()
    assert count(r'<li><a href="https://code-desk.example/', html) == 5


@pytest.mark.parametrize("scale", [1, 5])
@pytest.mark.parametrize("page", ["home", "tag", "author"])
def test_list_page_query_budget(client, django_assert_max_num_queries, author, page, scale):
    for _ in range(4 * scale):
        make_article(author=author, tags=["common", *[f"t{n}" for n in range(scale)]])
    url = {
        "home": "/",
        "tag": reverse("articles:tag", args=["common"]),
        "author": reverse("articles:author", args=[author.username]),
    }[page]
    with django_assert_max_num_queries(6):
        response = client.get(url)
    assert response.status_code == 200
    assert len(response.context["articles"]) == min(4 * scale, 10)


# Related articles, and what search engines and link previews read.


def ld_json(html):
    """The page's JSON-LD, parsed."""
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(block)


def meta(html, name):
    """The content of the page's <meta property|name=...> tag."""
    found = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)">', html)
    return found and found.group(1)


def test_related_articles_share_tags_then_are_newest(client):
    """Most shared tags first, then the newest; at most four, never the article."""
    now = timezone.now()
    article = make_article(tags=["bees", "cities", "honey"])
    two_tags = make_article(tags=["bees", "honey"], published_at=now - timedelta(days=9))
    one_tag_new = make_article(tags=["cities"], published_at=now - timedelta(days=2))
    one_tag_old = make_article(tags=["bees"], published_at=now - timedelta(days=8))
    no_tags_newest = make_article(tags=[], published_at=now - timedelta(hours=1))
    make_article(tags=[], published_at=now - timedelta(days=20))
    make_article(tags=["bees", "cities", "honey"], status=Article.Status.DRAFT, published_at=None)

    response = client.get(article.get_absolute_url())

    assert list(response.context["parts"].related_articles) == [
        two_tags, one_tag_new, one_tag_old, no_tags_newest
    ]
    html = response.content.decode()
    assert '<h2 id="related-title">Related articles</h2>' in html
    assert f'<a href="{two_tags.get_absolute_url()}">{two_tags.title}</a>' in html


def test_related_articles_follow_the_setting(client, settings):
    """MAGPOST_RELATED_ARTICLES sets how many are shown."""
    settings.MAGPOST_RELATED_ARTICLES = 2
    article = make_article()
    for _ in range(3):
        make_article()
    assert len(client.get(article.get_absolute_url()).context["parts"].related_articles) == 2


def test_article_page_has_canonical_and_preview_meta(client, author):
    """Canonical URL, description, Open Graph and Twitter card meta, absolute."""
    article = make_article(author=author, meta_description="Quiet places, found.")
    html = client.get(article.get_absolute_url()).content.decode()
    url = f"http://testserver{article.get_absolute_url()}"
    assert f'<link rel="canonical" href="{url}">' in html
    assert meta(html, "description") == "Quiet places, found."
    assert meta(html, "robots") == "max-image-preview:large"
    assert meta(html, "og:type") == "article"
    assert meta(html, "og:title") == article.title
    assert meta(html, "og:description") == "Quiet places, found."
    assert meta(html, "og:url") == url
    assert meta(html, "og:site_name") == "The Mag Post"
    assert meta(html, "article:published_time") == article.published_at.isoformat()
    assert meta(html, "twitter:card") == "summary"
    assert meta(html, "twitter:title") == article.title
    assert meta(html, "og:image") is None


def test_article_page_previews_use_the_16_by_9_hero(client, article):
    """With a hero image, previews use its 1200×675 rendition."""
    article.hero_image = image_file(size=(2000, 1500))
    article.hero_alt = "A teal field"
    article.save()
    html = client.get(article.get_absolute_url()).content.decode()
    image = f"http://testserver/media/{article.social_image().name}"
    assert image.endswith("-jpg-1200x675.jpg")
    assert meta(html, "og:image") == image
    assert meta(html, "og:image:width") == "1200"
    assert meta(html, "og:image:height") == "675"
    assert meta(html, "og:image:alt") == "A teal field"
    assert meta(html, "twitter:card") == "summary_large_image"
    assert meta(html, "twitter:image") == image
    assert ld_json(html)["image"] == [image]


def test_article_page_json_ld_describes_the_news_article(client, author):
    """JSON-LD parses, and names the headline, dates, author and publisher."""
    article = make_article(author=author, tags=["bees", "cities"])
    html = client.get(article.get_absolute_url()).content.decode()
    data = ld_json(html)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == article.title
    assert data["description"] == article.description
    published = datetime.fromisoformat(data["datePublished"])
    assert abs(published - article.published_at) < timedelta(milliseconds=1)
    assert datetime.fromisoformat(data["dateModified"]) >= published
    assert data["author"] == [
        {"@type": "Person", "name": "Ada Quill", "url": "http://testserver/authors/ada/"}
    ]
    assert data["keywords"] == ["bees", "cities"]
    assert data["publisher"] == {
        "@type": "Organization", "name": "The Mag Post", "url": "http://testserver/"
    }
    assert data["mainEntityOfPage"] == f"http://testserver{article.get_absolute_url()}"
    assert "image" not in data


def test_json_ld_cannot_be_broken_out_of(client):
    """A title holding </script> stays inside the JSON-LD, and parses back intact."""
    title = '</script><script>alert("x")</script> & more'
    article = make_article(title=title)
    html = client.get(article.get_absolute_url()).content.decode()
    assert ld_json(html)["headline"] == title
    assert '<script>alert("x")' not in html


@pytest.mark.parametrize(
    "page", ["home", "article", "tag", "author", "search", "empty search", "missing"]
)
def test_every_page_has_one_h1_landmarks_and_a_skip_link(client, author, page):
    """A skip link to <main>, then banner, main and footer landmarks, and one h1."""
    article = make_article(author=author, tags=["bees"])
    url = {
        "home": "/",
        "article": article.get_absolute_url(),
        "tag": "/tags/bees/",
        "author": "/authors/ada/",
        "search": "/search/?q=quiet",
        "empty search": "/search/",
        "missing": "/nowhere/",
    }[page]
    html = client.get(url).content.decode()
    body = html[html.index("<body>") + len("<body>"):].lstrip()
    assert body.startswith('<a class="skip-link" href="#main">Skip to content</a>')
    assert count(r"<h1\b", html) == 1
    assert count(r'<header class="masthead">', html) == 1
    assert count(r'<main id="main"', html) == 1
    assert count(r"<footer class=\"site-footer\">", html) == 1
    assert count(r'<nav class="site-nav" aria-label="Site">', html) == 1


def test_staff_preview_of_an_undated_draft_with_comments_closing_by_age(client, settings):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 30
    draft = make_article(status=Article.Status.DRAFT, published_at=None)
    client.force_login(make_user(is_staff=True))
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert 'id="comment-form"' in response.content.decode()
