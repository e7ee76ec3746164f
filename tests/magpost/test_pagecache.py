"""Readers' pages come from the cache, and every change reaches them at once."""

import re
import time
from datetime import timedelta

import pytest

from django.test import Client
from django.test.signals import template_rendered
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, NetworkLink
from comments.models import Comment
from comments.moderation import seconds_since_form, sign_timestamp

from ..factories import make_article, make_comment, make_network_link, make_user

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def reader():
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def editor_client(db):
    client = Client()
    client.force_login(make_user(is_staff=True, is_superuser=True))
    return client


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_cache_hit_runs_no_query_and_renders_no_template(reader, article, django_assert_num_queries):
    first = page(reader, article.get_absolute_url())
    rendered = []
    template_rendered.connect(lambda **kw: rendered.append(kw["template"].name), weak=False, dispatch_uid="t")
    try:
        with django_assert_num_queries(0):
            again = page(Client(), article.get_absolute_url())
    finally:
        template_rendered.disconnect(dispatch_uid="t")
    assert rendered == []
    assert again.count(article.title) == first.count(article.title)


@pytest.mark.parametrize("url", ["/", "/tags/travel/", "/authors/ada/"])
def test_list_pages_are_cached_too(reader, article, url, django_assert_num_queries):
    page(reader, url)
    with django_assert_num_queries(0):
        page(Client(), url)


def test_each_visitor_gets_their_own_token_and_can_post_from_a_cached_page(article):
    page(Client(), article.get_absolute_url())  # fills the cache
    time.sleep(2)
    tokens = set()
    for name in ["Ana", "Ben"]:
        visitor = Client(enforce_csrf_checks=True)
        html = page(visitor, article.get_absolute_url())
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        stamp = re.search(r'name="timestamp" value="([^"]+)"', html).group(1)
        assert "__magpost" not in html
        tokens.add(token)
        response = visitor.post(
            f"{article.get_absolute_url()}comments/",
            {"csrfmiddlewaretoken": token, "name": name, "email": f"{name}@example.com",
             "body": f"Hello from {name}", "timestamp": sign_timestamp(time.time() - 60)},
        )
        assert response.status_code == 302
        # Filled in for this visitor now, not stored with the page.
        assert seconds_since_form(stamp) < 1.5
    assert len(tokens) == 2
    assert Comment.objects.count() == 2


def test_nothing_personal_is_served_to_someone_else(article):
    poster = Client()
    page(poster, article.get_absolute_url())
    poster.post(
        f"{article.get_absolute_url()}comments/",
        {"name": "Secret Sam", "email": "sam@example.com", "body": "My private first comment",
         "timestamp": sign_timestamp(time.time() - 60)},
    )
    mine = page(poster, article.get_absolute_url())
    assert "awaiting moderation" in mine and "My private first comment" in mine

    other = page(Client(), article.get_absolute_url())
    assert "awaiting moderation" not in other
    assert "Secret Sam" not in other and "sam@example.com" not in other
    # The poster's own view was not stored for others, however often fetched.
    assert "My private first comment" not in page(Client(), article.get_absolute_url())


def test_saving_an_article_in_the_admin_changes_every_page_that_shows_it(article, editor_client):
    from ..articles.test_workflow import change_form

    urls = [article.get_absolute_url(), "/", "/tags/travel/", "/authors/ada/"]
    for url in urls:
        assert article.title in page(Client(), url)
    editor_client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        change_form(article, title="A brand new headline"),
    )
    for url in urls:
        html = page(Client(), url)
        assert "A brand new headline" in html, url


def test_editing_a_section_or_takeaway_changes_the_article_page(article, editor_client):
    from ..articles.test_workflow import change_form

    page(Client(), article.get_absolute_url())
    editor_client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        change_form(article, **{"sections-0-body": "<p>Freshly edited section.</p>", "takeaways-0-highlight": "Fresh row"}),
    )
    html = page(Client(), article.get_absolute_url())
    assert "Freshly edited section." in html and "Fresh row" in html


def test_changing_tags_changes_the_pages(article):
    page(Client(), article.get_absolute_url())
    page(Client(), "/")
    article.tags.add("brand-new-tag")
    assert "brand-new-tag" in page(Client(), article.get_absolute_url())
    assert "brand-new-tag" in page(Client(), "/")


@pytest.mark.parametrize(("action", "shown"), [("approve", True), ("remove", False), ("mark_spam", False)])
def test_moderation_changes_the_article_page_at_once(article, editor_client, action, shown):
    comment = make_comment(article, body="A moderated remark", status="approved" if not shown else "pending")
    before = page(Client(), article.get_absolute_url())
    assert ("A moderated remark" in before) is not shown
    editor_client.post(
        reverse("admin:comments_comment_changelist") + "?status=all",
        {"action": action, "_selected_action": [comment.pk]},
    )
    assert ("A moderated remark" in page(Client(), article.get_absolute_url())) is shown


def test_changing_network_links_changes_the_pages(article, editor_client):
    link = make_network_link(title="Old sister story")
    assert "Old sister story" in page(Client(), article.get_absolute_url())
    editor_client.post(
        reverse("admin:articles_networklink_change", args=[link.pk]),
        {"site_name": link.site_name, "title": "Renamed sister story", "url": link.url, "is_active": "on"},
    )
    assert "Renamed sister story" in page(Client(), article.get_absolute_url())
    NetworkLink.objects.get().delete()
    assert "Renamed sister story" not in page(Client(), article.get_absolute_url())


def test_a_scheduled_article_appears_at_its_time_without_any_save(article):
    soon = make_article(title="Right on time", published_at=timezone.now() + timedelta(seconds=2))
    assert "Right on time" not in page(Client(), "/")
    assert Client().get(soon.get_absolute_url()).status_code == 404
    time.sleep(2.5)
    assert "Right on time" in page(Client(), "/")
    assert "Right on time" in page(Client(), "/tags/travel/")
    assert Client().get(soon.get_absolute_url()).status_code == 200


def test_logged_in_staff_always_see_fresh_pages(article, editor_client):
    page(Client(), article.get_absolute_url())
    # A change that skips the model's save(), so the cache is not told.
    Article.objects.filter(pk=article.pk).update(title="Changed behind the cache")
    assert "Changed behind the cache" not in page(Client(), article.get_absolute_url())
    staff_page = page(editor_client, article.get_absolute_url())
    assert '<h1 class="article-title">Changed behind the cache</h1>' in staff_page


def test_an_author_renamed_is_renamed_on_the_pages(article, author):
    assert "Ada Quill" in page(Client(), article.get_absolute_url())
    author.last_name = "Inkwell"
    author.save()
    assert "Ada Inkwell" in page(Client(), article.get_absolute_url())


def test_pages_with_a_query_or_cookies_skip_the_cache(article, django_assert_max_num_queries):
    page(Client(), article.get_absolute_url())
    comment = make_comment(article)
    response = Client().get(article.get_absolute_url(), {"reply_to": comment.pk})
    assert f'name="parent" value="{comment.pk}"' in response.content.decode()
    assert response["Cache-Control"] == "private, no-cache"


def test_made_up_query_parameters_are_not_cached(article, django_assert_max_num_queries):
    """Otherwise any ?page=<random> would store another copy of the page."""
    first = Client().get(article.get_absolute_url(), {"page": "7"})
    assert first["Cache-Control"] == "private, no-cache"
    page(Client(), "/?page=1")
    with django_assert_max_num_queries(0):
        page(Client(), "/?page=1")  # lists do use ?page=


def test_a_version_lost_from_the_cache_never_brings_back_an_old_page(article):
    from django.core.cache import cache

    from magpost.pagecache import CONTENT_VERSION

    cache.delete(CONTENT_VERSION)  # a cache that has never seen a change
    assert article.title in page(Client(), article.get_absolute_url())
    article.title = "Renamed while nobody looked"
    article.save()
    cache.delete(CONTENT_VERSION)  # as an eviction or a cull would
    html = page(Client(), article.get_absolute_url())
    assert "Renamed while nobody looked" in html


def test_a_made_up_address_leaves_no_version_behind_for_good(monkeypatch):
    """Each address reads its article's comments version; for a slug that
    is no article's, that version must not stay in the cache for ever."""
    from django.core.cache import cache

    from magpost import pagecache

    monkeypatch.setattr(pagecache, "VERSION_SECONDS", 1)
    key = pagecache.comments_version_key("no-such-article")
    assert Client().get("/articles/no-such-article/").status_code == 404
    assert cache.get(key) is not None
    time.sleep(1.1)
    assert cache.get(key) is None
