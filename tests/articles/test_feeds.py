from datetime import timedelta
from email.utils import parsedate_to_datetime
from xml.etree import ElementTree

import pytest

from django.core.cache import cache

from django.utils import timezone

from articles.models import Article

from ..factories import image_file, make_article

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"


def xml(response):
    assert response.status_code == 200
    return ElementTree.fromstring(response.content)


def test_rss_feed_lists_the_newest_published_articles(client, author):
    """RSS 2.0 items carry title, link, date, author, summary and tags."""
    older = make_article(author=author, published_at=timezone.now() - timedelta(days=3))
    newer = make_article(
        author=author, meta_description="A summary.", tags=["bees", "cities"]
    )
    make_article(status=Article.Status.DRAFT, published_at=None)
    make_article(published_at=timezone.now() + timedelta(days=1))

    response = client.get("/feed/")

    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    rss = xml(response)
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    channel = rss.find("channel")
    assert channel.findtext("title") == "The Mag Post"
    assert channel.findtext("link") == "http://testserver/"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [newer.title, older.title]
    item = items[0]
    assert item.findtext("link") == f"http://testserver{newer.get_absolute_url()}"
    assert parsedate_to_datetime(
        item.findtext("pubDate")
    ) == newer.published_at.replace(microsecond=0)
    assert item.findtext(f"{DC}creator") == "Ada Quill"
    assert item.findtext("description") == "A summary."
    assert [c.text for c in item.findall("category")] == ["bees", "cities"]
    assert item.find("enclosure") is None


def test_feed_items_carry_the_hero_image_as_an_enclosure(client, article, settings):
    """The enclosure is the 1200×675 rendition, with its size in bytes."""
    article.hero_image = image_file(size=(1600, 900))
    article.hero_alt = "Teal"
    article.save()
    enclosure = xml(client.get("/feed/")).find("channel/item/enclosure")
    image = article.social_image()
    assert enclosure.attrib == {
        "url": f"http://testserver/media/{image.name}",
        "length": str(image.file_size()),
        "type": "image/jpeg",
    }
    assert int(enclosure.get("length")) > 0


def test_feed_carries_full_text_when_the_setting_says_so(client, settings):
    """MAGPOST_FEED_FULL_TEXT puts the whole article, as HTML, in each item."""
    article = make_article()
    assert (
        xml(client.get("/feed/")).findtext("channel/item/description")
        == article.description
    )

    settings.MAGPOST_FEED_FULL_TEXT = True
    cache.clear()  # Cached feeds keep the old setting until the cache is cleared.
    body = xml(client.get("/feed/")).findtext("channel/item/description")
    assert body.startswith("<p>Where the noise stops, attention begins.</p>")
    assert "<h2>Section 1 In Title Case</h2>" in body
    assert "<h3>Subsection 1.1 in sentence case</h3>" in body
    assert "<p>Body of section 2, with a few plain words.</p>" in body
    assert '<th scope="row">Aspect 1</th><td>Highlight 1</td>' in body


def test_feed_length_follows_the_setting(client, settings):
    """MAGPOST_FEED_ITEMS caps the number of items."""
    settings.MAGPOST_FEED_ITEMS = 2
    for _ in range(3):
        make_article()
    assert len(xml(client.get("/feed/")).findall("channel/item")) == 2


def test_atom_feed_lists_the_same_articles(client, author):
    """Atom entries carry title, link, dates, author and summary."""
    article = make_article(author=author, meta_description="A summary.")
    response = client.get("/feed/atom/")
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = xml(response)
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}title") == "The Mag Post"
    (entry,) = feed.findall(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == article.title
    assert (
        entry.find(f"{ATOM}link").get("href")
        == f"http://testserver{article.get_absolute_url()}"
    )
    assert entry.findtext(f"{ATOM}published") == article.published_at.isoformat()
    assert entry.findtext(f"{ATOM}updated") == article.modified_at.isoformat()
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == "Ada Quill"
    assert entry.findtext(f"{ATOM}author/{ATOM}uri") == "http://testserver/authors/ada/"
    assert entry.findtext(f"{ATOM}summary") == "A summary."


def test_tag_feed_lists_only_that_tags_articles(client):
    """/tags/<slug>/feed/ is the feed of one tag."""
    tagged = make_article(tags=["bees"])
    make_article(tags=["trains"])
    channel = xml(client.get("/tags/bees/feed/")).find("channel")
    assert channel.findtext("title") == "The Mag Post: bees"
    assert channel.findtext("link") == "http://testserver/tags/bees/"
    assert [item.findtext("title") for item in channel.findall("item")] == [
        tagged.title
    ]


def test_unknown_tag_has_no_feed(client):
    assert client.get("/tags/nothing-here/feed/").status_code == 404


def test_pages_announce_their_feeds(client):
    """Every page links the site's feeds; a tag page also its own."""
    make_article(tags=["bees"])
    home = client.get("/").content.decode()
    assert (
        '<link rel="alternate" type="application/rss+xml" title="The Mag Post" href="/feed/">'
        in home
    )
    assert (
        'type="application/atom+xml" title="The Mag Post (Atom)" href="/feed/atom/"'
        in home
    )
    tag = client.get("/tags/bees/").content.decode()
    assert (
        'type="application/rss+xml" title="The Mag Post: bees" href="/tags/bees/feed/"'
        in tag
    )


@pytest.mark.parametrize("url", ["/feed/", "/feed/atom/", "/tags/common/feed/"])
def test_feed_query_budget(client, django_assert_max_num_queries, settings, url):
    """A feed costs a fixed number of queries, full text included."""
    settings.MAGPOST_FEED_FULL_TEXT = True
    for _ in range(6):
        make_article(tags=["common", "other"], sections=4)
    with django_assert_max_num_queries(6):
        response = client.get(url)
    assert response.status_code == 200
