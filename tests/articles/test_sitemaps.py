from datetime import timedelta
from xml.etree import ElementTree

import pytest

from django.utils import timezone

from articles.models import Article

from ..factories import make_article

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def locations(response):
    assert response.status_code == 200
    urlset = ElementTree.fromstring(response.content)
    return [url.findtext(f"{SITEMAP}loc") for url in urlset.findall(f"{SITEMAP}url")]


def test_sitemap_lists_home_published_articles_and_their_tags(client):
    """Home, every published article and every tag in use, as absolute URLs."""
    older = make_article(tags=["bees"], published_at=timezone.now() - timedelta(days=4))
    newer = make_article(tags=["bees", "cities"])
    make_article(tags=["secret"], status=Article.Status.DRAFT, published_at=None)
    make_article(tags=["later"], published_at=timezone.now() + timedelta(days=1))

    assert locations(client.get("/sitemap.xml")) == [
        "http://testserver/",
        f"http://testserver{newer.get_absolute_url()}",
        f"http://testserver{older.get_absolute_url()}",
        "http://testserver/tags/bees/",
        "http://testserver/tags/cities/",
    ]


def test_sitemap_dates_follow_the_articles(client):
    """An article's lastmod is its last change; a tag's, its newest article."""
    article = make_article(tags=["bees"])
    urlset = ElementTree.fromstring(client.get("/sitemap.xml").content)
    lastmods = {
        url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
        for url in urlset.findall(f"{SITEMAP}url")
    }
    assert lastmods[f"http://testserver{article.get_absolute_url()}"] == (
        article.modified_at.date().isoformat()
    )
    assert (
        lastmods["http://testserver/tags/bees/"]
        == article.published_at.date().isoformat()
    )


def test_news_sitemap_lists_the_last_48_hours(client):
    """Google News reads articles of the last two days, with name and language."""
    fresh = make_article(
        title="Bees & cities", published_at=timezone.now() - timedelta(hours=3)
    )
    make_article(published_at=timezone.now() - timedelta(hours=49))
    make_article(status=Article.Status.DRAFT, published_at=None)

    response = client.get("/sitemap-news.xml")

    urlset = ElementTree.fromstring(response.content)
    (url,) = urlset.findall(f"{SITEMAP}url")
    assert (
        url.findtext(f"{SITEMAP}loc") == f"http://testserver{fresh.get_absolute_url()}"
    )
    news = url.find(f"{NEWS}news")
    assert news.findtext(f"{NEWS}publication/{NEWS}name") == "The Mag Post"
    assert news.findtext(f"{NEWS}publication/{NEWS}language") == "en"
    assert news.findtext(f"{NEWS}publication_date") == fresh.published_at.isoformat()
    assert news.findtext(f"{NEWS}title") == "Bees & cities"


def test_news_sitemap_window_follows_the_setting(client, settings):
    """MAGPOST_NEWS_SITEMAP_HOURS sets how far back the news sitemap reaches."""
    settings.MAGPOST_NEWS_SITEMAP_HOURS = 2
    make_article(published_at=timezone.now() - timedelta(hours=3))
    assert locations(client.get("/sitemap-news.xml")) == []


def test_robots_txt_names_the_sitemaps(client):
    """robots.txt keeps crawlers out of the admin and points to both sitemaps."""
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == (
        "User-agent: *\n"
        "Disallow: /admin/\n"
        "\n"
        "Sitemap: http://testserver/sitemap.xml\n"
        "Sitemap: http://testserver/sitemap-news.xml\n"
    )
