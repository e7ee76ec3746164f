"""Malformed and unusual requests get a readable 4xx page, never a 500."""

import pytest

from django.test import Client

from ..factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    # Errors are answered as a reader would see them, not raised in the test.
    return Client(raise_request_exception=False)


def readable(response):
    html = response.content.decode()
    return "<h1" in html and "</html>" in html


@pytest.mark.parametrize("query", ["page=" + "9" * 50_000, "reply_to=%00", "%00=%00", "page=1&page=2"])
def test_odd_query_strings_answer_a_page(client, article, query):
    for path in ["/", article.get_absolute_url(), "/tags/travel/"]:
        response = client.get(f"{path}?{query}")
        assert response.status_code in (200, 404)
        assert readable(response)


@pytest.mark.parametrize("query", ["page=%ff%fe", "reply_to=%c0%af", "q=%e2%28%a1"])
def test_broken_utf8_in_a_query_string_answers_400(client, article, query):
    response = client.get(f"{article.get_absolute_url()}?{query}")
    assert response.status_code == 400
    assert "That request could not be understood" in response.content.decode()


def test_too_many_fields_answer_400(client):
    response = client.get("/?" + "&".join(f"f{n}=1" for n in range(3000)))
    assert response.status_code == 400
    assert readable(response)


def test_broken_utf8_in_a_comment_post_is_refused_cleanly(client, article):
    from comments.models import Comment

    page = client.get(article.get_absolute_url())
    token = page.cookies["csrftoken"].value
    body = b"csrfmiddlewaretoken=" + token.encode() + b"&name=%ff%fe&email=a%40example.com&body=%c3%28%c3%28"
    response = client.post(
        f"{article.get_absolute_url()}comments/", body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
    assert "That request could not be understood" in response.content.decode()
    assert Comment.objects.count() == 0


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH", "BREW", "TRACE"])
def test_unknown_methods_get_a_readable_405(client, article, method):
    for path in ["/", article.get_absolute_url(), f"{article.get_absolute_url()}comments/"]:
        response = client.generic(method, path)
        assert response.status_code == 405
        assert "That can’t be done at this address" in response.content.decode()
        assert "Allow" in response


def test_head_answers_without_a_body(client, article):
    response = client.head(article.get_absolute_url())
    assert response.status_code == 200
    assert response.content == b""


def test_options_lists_the_allowed_methods(client, article):
    response = client.options(article.get_absolute_url())
    assert response.status_code == 200
    assert "GET" in response["Allow"]
    assert client.options(f"{article.get_absolute_url()}comments/").status_code == 405


@pytest.mark.parametrize("slug", ["%ff", "a" * 3000, "..%2f..%2fetc", "UPPER", "spaces%20here"])
def test_bad_slugs_answer_404(client, slug):
    make_article()
    response = client.get(f"/articles/{slug}/")
    assert response.status_code == 404
    assert readable(response)
