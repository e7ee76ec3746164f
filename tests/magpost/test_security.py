"""Security headers and cookies, as a browser receives them."""

import pytest

from django.urls import reverse

from ..factories import make_article, make_user

pytestmark = pytest.mark.django_db

READER_DIRECTIVES = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
]


def directives(response):
    return [part.strip() for part in response["Content-Security-Policy"].split(";")]


@pytest.mark.parametrize("path", ["/", "article", "/tags/travel/", "/authors/ada/", "/no-such-page/"])
def test_reader_pages_carry_a_strict_content_security_policy(client, article, path):
    url = article.get_absolute_url() if path == "article" else path
    response = client.get(url)
    policy = directives(response)
    for directive in READER_DIRECTIVES:
        assert directive in policy
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]


@pytest.mark.parametrize("name", ["admin:index", "admin:articles_article_add", "admin:login"])
def test_admin_pages_get_only_what_ckeditor_needs(client, editor, name):
    if name != "admin:login":
        client.force_login(editor)
    policy = directives(client.get(reverse(name)))
    # CKEditor 4 runs inline event handlers; nothing from other origins.
    assert "script-src 'self' 'unsafe-inline'" in policy
    assert "style-src 'self' 'unsafe-inline'" in policy
    assert "object-src 'none'" in policy
    assert "frame-ancestors 'none'" in policy
    assert not any("unsafe-eval" in directive for directive in policy)


def test_security_headers_on_every_page(client, article):
    response = client.get(article.get_absolute_url())
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_hsts_is_sent_over_https(client):
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


def test_plain_http_is_redirected_to_https_when_debug_is_off(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/articles/x/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/articles/x/"


def test_staff_preview_is_not_cached_or_indexed(client):
    draft = make_article(status="draft", published_at=None)
    client.force_login(make_user(is_staff=True))
    response = client.get(draft.get_absolute_url())
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex"
