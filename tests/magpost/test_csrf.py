"""The comment form's CSRF tokens: drawn quickly, checked by Django."""

from collections import Counter

from django.http import HttpResponse
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CsrfViewMiddleware
from django.test import RequestFactory

from magpost.csrf import get_token, random_string


def accepted(secret, token):
    """Whether Django's CSRF middleware lets a POST with `secret` in its
    cookie and `token` in its form through."""
    factory = RequestFactory()
    factory.cookies["csrftoken"] = secret
    request = factory.post("/", {"csrfmiddlewaretoken": token})
    middleware = CsrfViewMiddleware(lambda request: HttpResponse())
    middleware.process_request(request)
    return middleware.process_view(request, lambda request: None, (), {}) is None


def test_a_new_visitor_is_given_a_secret_their_token_carries():
    request = RequestFactory().get("/")
    token = get_token(request)
    secret = request.META["CSRF_COOKIE"]
    assert request.META["CSRF_COOKIE_NEEDS_UPDATE"] is True
    assert len(secret) == 32 and len(token) == 64
    assert set(secret + token) <= set(CSRF_ALLOWED_CHARS)
    assert accepted(secret, token)


def test_a_returning_visitor_keeps_their_secret_under_a_fresh_mask():
    request = RequestFactory().get("/")
    first = get_token(request)
    secret = request.META["CSRF_COOKIE"]
    second = get_token(request)
    assert request.META["CSRF_COOKIE"] == secret
    assert first != second
    assert accepted(secret, first) and accepted(secret, second)


def test_a_token_for_another_secret_is_refused():
    request = RequestFactory().get("/")
    token = get_token(request)
    assert not accepted(random_string(32), token)


def test_every_letter_and_digit_is_equally_likely():
    """A byte taken modulo 62 would favour the first eight characters by a
    quarter; dropping the bytes past 247 keeps the draw even."""
    per_char = 4000
    counts = Counter(random_string(per_char * len(CSRF_ALLOWED_CHARS)))
    assert set(counts) == set(CSRF_ALLOWED_CHARS)
    # Six standard deviations (63 each) either side; the modulo's bias
    # would put each of the first eight about 840 over.
    assert all(abs(n - per_char) < 380 for n in counts.values())
