"""When the whole page cannot come from the cache, the article page is
assembled from stored fragments, and every change still reaches it at once."""

import re
import time
from datetime import timedelta

import pytest

from django.db import connection
from django.test import Client
from django.test.signals import template_rendered
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from comments.models import Comment
from comments.moderation import sign_timestamp

from ..factories import make_article, make_comment, make_network_link, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def assembled(client, article, **query):
    """The article page as a reader gets it past the page cache: a query
    string the page does not use makes the page cache step aside."""
    response = client.get(article.get_absolute_url(), {"ref": "newsletter", **query})
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-cache"
    return response.content.decode()


def comment_post(name, token=None):
    data = {
        "name": name,
        "email": f"{name.lower()}@example.com",
        "body": f"Hello from {name}",
        "timestamp": sign_timestamp(time.time() - 60),
    }
    if token:
        data["csrfmiddlewaretoken"] = token
    return data


@pytest.fixture
def editor_client(db):
    client = Client()
    client.force_login(make_user(is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def rendered_templates():
    names = []
    template_rendered.connect(
        lambda **kw: names.append(kw["template"].name),
        weak=False,
        dispatch_uid="fragments",
    )
    yield names
    template_rendered.disconnect(dispatch_uid="fragments")


def test_stored_fragments_leave_one_query_and_no_comment_or_form_rendering(
    article, rendered_templates, django_assert_num_queries
):
    make_comment(article, body="An early remark")
    make_network_link(title="A sister story")
    first = assembled(Client(), article)
    rendered_templates.clear()
    with django_assert_num_queries(1):  # the article's own row
        again = assembled(Client(), article)
    for name in [
        "comment.html",
        "comment_form.html",
        "related_articles.html",
        "tag_list.html",
    ]:
        assert not any(shown.endswith(name) for shown in rendered_templates), name
    strip = re.compile(r'(name="(csrfmiddlewaretoken|timestamp)" value=)"[^"]+"')
    assert strip.sub(r"\1", again) == strip.sub(r"\1", first)
    assert "An early remark" in again and "A sister story" in again


def test_each_visitor_gets_their_own_token_and_timestamp_in_the_stored_form(article):
    assembled(Client(), article)
    tokens = set()
    for name in ["Ana", "Ben"]:
        visitor = Client(enforce_csrf_checks=True)
        html = assembled(visitor, article)
        assert "__magpost" not in html
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        tokens.add(token)
        response = visitor.post(
            f"{article.get_absolute_url()}comments/", comment_post(name, token)
        )
        assert response.status_code == 302
    assert len(tokens) == 2
    assert Comment.objects.count() == 2


def test_a_posters_pending_comment_is_never_stored_for_others(article):
    poster = Client()
    assembled(poster, article)
    poster.post(f"{article.get_absolute_url()}comments/", comment_post("Sam"))
    assert "Hello from Sam" in assembled(poster, article)
    for _ in range(2):
        other = assembled(Client(), article)
        assert "Hello from Sam" not in other and "awaiting moderation" not in other


def test_a_form_with_errors_or_a_reply_is_not_stored_for_the_next_reader(article):
    assembled(Client(), article)
    sent_back = Client().post(
        f"{article.get_absolute_url()}comments/", {"name": "No body"}
    )
    assert sent_back.status_code == 400
    assert 'value="No body"' in sent_back.content.decode()
    comment = make_comment(article)
    reply = assembled(Client(), article, reply_to=comment.pk)
    assert f'name="parent" value="{comment.pk}"' in reply

    html = assembled(Client(), article)
    assert 'value="No body"' not in html
    assert 'name="parent"' in html and f'name="parent" value="{comment.pk}"' not in html


def test_fragments_follow_an_article_edited_in_the_admin(article, editor_client):
    from ..articles.test_workflow import change_form

    assembled(Client(), article)
    editor_client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        change_form(
            article,
            title="A headline for fragments",
            **{
                "sections-0-body": "<p>A section edited since.</p>",
            },
        ),
    )
    html = assembled(Client(), article)
    assert '<h1 class="article-title">A headline for fragments</h1>' in html
    assert '"headline": "A headline for fragments"' in html
    assert "A section edited since." in html


def test_fragments_follow_moderation(article, editor_client):
    comment = make_comment(article, body="Waiting for a moderator", status="pending")
    assert "Waiting for a moderator" not in assembled(Client(), article)
    editor_client.post(
        reverse("admin:comments_comment_changelist") + "?status=all",
        {"action": "approve", "_selected_action": [comment.pk]},
    )
    assert "Waiting for a moderator" in assembled(Client(), article)


def test_fragments_follow_tags_links_and_authors(article, author):
    link = make_network_link(title="First sister story")
    assembled(Client(), article)
    article.tags.add("fresh-fragment-tag")
    link.title = "Second sister story"
    link.save()
    author.last_name = "Inkwell"
    author.save()
    html = assembled(Client(), article)
    assert "fresh-fragment-tag" in html
    assert "Second sister story" in html
    assert "Ada Inkwell" in html


def test_a_scheduled_article_joins_the_related_articles_at_its_time(article):
    soon = make_article(
        title="Related on schedule", published_at=timezone.now() + timedelta(seconds=2)
    )
    assert soon.title not in assembled(Client(), article)
    time.sleep(2.5)
    assert soon.title in assembled(Client(), article)


def test_an_article_scheduled_sooner_than_the_known_next_one_appears_at_its_time(
    article,
):
    make_article(title="Later on", published_at=timezone.now() + timedelta(hours=1))
    assert "Later on" not in Client().get("/").content.decode()  # next one: in an hour
    make_article(title="Sooner", published_at=timezone.now() + timedelta(seconds=2))
    assert "Sooner" not in Client().get("/").content.decode()
    time.sleep(2.5)
    assert "Sooner" in Client().get("/").content.decode()


def test_with_the_page_cache_off_nothing_is_stored(article, settings):
    settings.MAGPOST_PAGE_CACHE_SECONDS = 0
    make_comment(article, body="Always read afresh")
    with CaptureQueriesContext(connection) as first:
        assembled(Client(), article)
    with CaptureQueriesContext(connection) as again:
        html = assembled(Client(), article)
    assert len(again) == len(first) > 5  # every part read again
    assert "Always read afresh" in html
