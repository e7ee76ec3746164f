"""
Whole pages for anonymous readers, from Django's cache.

A cached page is the finished HTML, so a hit renders no template and runs no
SQL. Two things on an article page differ per visitor: the comment form's
CSRF token and its signed timestamp. They are stored as placeholders and
filled in on every response; everything else personal (a logged-in user, a
message, the poster's pending comments) makes the request skip the cache.

Invalidation is by version numbers kept in the same cache: one for all
content (articles, sections, takeaways, tags, authors, network links) and one
per article for its comments. A page is stored with the versions it was built
from, and served only while they are still the current ones, so a change
makes older copies useless at once, on every app server. The versions and the
page are read together, in one round trip to the cache. No copy outlives the
next scheduled publication.
"""

import functools
import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone

CONTENT_VERSION = "pages:v:content"
CSRF_SLOT = "__magpost_csrf_token__"
TIMESTAMP_SLOT = "__magpost_form_timestamp__"
PERSONAL_COOKIES = ("messages",)


def digest(text):
    """A short, safe cache-key part for any text (addresses can be long)."""
    return hashlib.sha256(text.encode()).hexdigest()


def comments_version_key(slug):
    return f"pages:v:comments:{digest(slug)}"


def bump(key):
    """A new version now, and again when the transaction commits.

    The second bump drops any page rendered, from data not yet committed,
    while the transaction was still open.
    """
    cache.set(key, time.time_ns(), None)
    transaction.on_commit(lambda: cache.set(key, time.time_ns(), None))


def content_changed():
    """Every cached page is out of date."""
    bump(CONTENT_VERSION)


def comments_changed(slug):
    """The cached page of the article with this slug is out of date."""
    bump(comments_version_key(slug))


def is_cacheable(request, parameters=frozenset()):
    """True for an anonymous reader's plain GET, with nothing personal in it.

    Only the query parameters the page uses (`?page=` on lists) are allowed,
    so that made-up ones cannot fill the cache with copies.
    """
    from comments.models import PENDING_COOKIE

    personal = (settings.SESSION_COOKIE_NAME, PENDING_COOKIE, *PERSONAL_COOKIES)
    return (
        settings.MAGPOST_PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not any(name in request.COOKIES for name in personal)
        and set(request.GET) <= set(parameters)
    )


def next_publication():
    """When the next scheduled article goes live, or None."""
    from articles.models import Article

    return Article.objects.next_publication()


def lifetime(upcoming):
    """Seconds a page may be kept: never past the next scheduled publication."""
    seconds = settings.MAGPOST_PAGE_CACHE_SECONDS
    if upcoming is not None:
        until = (upcoming - timezone.now()).total_seconds()
        seconds = min(seconds, max(1, int(until)))
    return seconds


def version_keys(comments_slug=None):
    """The versions a page depends on: all content, and maybe one article's comments."""
    if comments_slug:
        return [CONTENT_VERSION, comments_version_key(comments_slug)]
    return [CONTENT_VERSION]


def page_key(request):
    """The page's key, made from its full address."""
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"pages:page:{digest(address)}"


@functools.lru_cache(maxsize=1)
def signed_second(second):
    """The form timestamp, signed once a second rather than once a request."""
    from comments.moderation import sign_timestamp

    return sign_timestamp(second).encode()


def fill(content, request):
    """The stored page with this visitor's token and timestamp in their places."""
    if CSRF_SLOT.encode() not in content:
        return content
    return content.replace(CSRF_SLOT.encode(), get_token(request).encode()).replace(
        TIMESTAMP_SLOT.encode(), signed_second(int(time.time()))
    )


def serve(
    request,
    render,
    comments_slug=None,
    personal_values=dict,
    upcoming=next_publication,
    parameters=frozenset(),
):
    """The page from the cache, or rendered by `render()` and stored.

    `upcoming()` tells when the next scheduled article goes live; a view that
    has read it already (the article page does, in its main query) says so.
    """
    if not is_cacheable(request, parameters):
        response = render()
        response.headers.setdefault("Cache-Control", "private, no-cache")
        return response
    key, names = page_key(request), version_keys(comments_slug)
    found = cache.get_many([*names, key])
    versions = tuple(found.get(name, 0) for name in names)
    stored = found.get(key)
    if stored is not None and stored[0] == versions:
        _, content, content_type = stored
        response = HttpResponse(fill(content, request), content_type=content_type)
        response["Cache-Control"] = "no-cache"
        return response

    response = render()
    if hasattr(response, "render"):
        response.render()
    # A view that set its own Cache-Control (a staff preview) is not shared.
    if response.status_code == 200 and "Cache-Control" not in response:
        content = response.content
        for value, slot in personal_values().items():
            content = content.replace(value.encode(), slot.encode())
        stored = (versions, content, response["Content-Type"])
        cache.set(key, stored, lifetime(upcoming()))
        response["Cache-Control"] = "no-cache"
    return response


class CachedPageMixin:
    """Serve a class-based view's page from the cache to anonymous readers.

    A view with per-visitor values in its page names them in
    `personal_values()`, so that they are stored as placeholders.
    """

    page_cache = True
    shows_comments = False
    cache_parameters = frozenset()  # List views add {"page"}.

    def personal_values(self):
        return {}

    def next_publication(self):
        return next_publication()

    def dispatch(self, request, *args, **kwargs):
        if not self.page_cache:
            return super().dispatch(request, *args, **kwargs)
        return serve(
            request,
            lambda: super(CachedPageMixin, self).dispatch(request, *args, **kwargs),
            comments_slug=kwargs.get("slug") if self.shows_comments else None,
            personal_values=self.personal_values,
            upcoming=self.next_publication,
            parameters=self.cache_parameters,
        )


def cached_page(view):
    """The same cache for a function view whose page has nothing personal."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        return serve(request, lambda: view(request, *args, **kwargs))

    return wrapped
