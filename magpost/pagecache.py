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

When the whole page cannot come from the cache (a visitor with something
personal, or the first reader after a change), the article page is assembled
from fragments kept the same way: its head, its article (with the related
articles and network links), its approved comments and its blank comment
form (with the same two placeholders), each stored under the versions it
depends on. Only what is the visitor's own is rendered for them.
"""

import functools
import hashlib
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone

CONTENT_VERSION = "pages:v:content"
NEXT_PUBLICATION = "pages:next-publication"
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


def read(names, keys=()):
    """The versions called `names` and what is stored under `keys`, in one
    round trip; the next scheduled publication (see below) comes along."""
    found = cache.get_many([*names, NEXT_PUBLICATION, *keys])
    return tuple(found.pop(name, 0) for name in names), found


def next_publication(content_version, found):
    """When the next scheduled article goes live, or None.

    Kept in the cache with the content version it was read under and never
    past its time, so that a change or the publication itself has it read
    again from the database. `found` is what `read()` returned.
    """
    from articles.models import Article

    stored = found.get(NEXT_PUBLICATION)
    if stored is not None and stored[0] == content_version:
        return stored[1]
    upcoming = Article.objects.next_publication()
    cache.set(NEXT_PUBLICATION, (content_version, upcoming), lifetime(upcoming))
    return upcoming


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


@dataclass
class Fragment:
    """A part of a page, kept in the cache under `key` for `seconds` (0: never).

    `html` is the stored copy, read before the template asks for it, or None.
    `personal` maps this visitor's values to the placeholders stored instead.
    """

    key: str
    seconds: int
    html: str | None = None
    personal: dict = field(default_factory=dict)

    def render(self, render):
        """The fragment for this visitor: the stored copy with their values in
        it, or `render()`'s, which is stored with placeholders."""
        if self.html is not None:
            html = self.html
            for value, slot in self.personal.items():
                html = html.replace(slot, value)
            return html
        html = render()
        if self.seconds > 0:
            stored = html
            for value, slot in self.personal.items():
                stored = stored.replace(value, slot)
            cache.set(self.key, stored, self.seconds)
        return html


def article_fragments(
    request, article, *, with_form, blank_form, personal_values, pending_comment_ids
):
    """The article page's fragments: "head", "article", "comments" and "form".

    Two round trips to the cache: the versions, then the stored fragments.
    Only a published article's fragments are kept. A visitor who sees their
    own pending comments gets the comments rendered for them alone, and a
    form that is not blank (a reply, or one with errors) is never kept.
    """
    (content, comments), found = read(version_keys(article.slug))
    seconds = lifetime(next_publication(content, found)) if article.is_published() else 0
    site = digest(f"{request.scheme}://{request.get_host()}")[:16]
    fragments = {
        "head": Fragment(f"pages:fragment:head:{site}:{article.pk}:{content}", seconds),
        "article": Fragment(f"pages:fragment:article:{site}:{article.pk}:{content}", seconds),
        "comments": Fragment(
            f"pages:fragment:comments:{article.pk}:{comments}:{int(with_form)}",
            0 if pending_comment_ids else seconds,
        ),
        "form": Fragment(
            f"pages:fragment:form:{article.pk}:{content}",
            seconds if blank_form else 0,
            personal=personal_values,
        ),
    }
    kept = [part for part in fragments.values() if part.seconds > 0]
    found = cache.get_many([part.key for part in kept])
    for part in kept:
        part.html = found.get(part.key)
    return fragments


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
    parameters=frozenset(),
):
    """The page from the cache, or rendered by `render()` and stored."""
    if not is_cacheable(request, parameters):
        response = render()
        response.headers.setdefault("Cache-Control", "private, no-cache")
        return response
    key = page_key(request)
    versions, found = read(version_keys(comments_slug), [key])
    stored = found.get(key)
    if stored is not None and stored[0] == versions:
        _, content, content_type = stored
        response = HttpResponse(fill(content, request), content_type=content_type)
        response["Cache-Control"] = "no-cache"
        return response

    # Read first, so that the view finds it in the cache (fragments need it).
    upcoming = next_publication(versions[0], found)
    response = render()
    if hasattr(response, "render"):
        response.render()
    # A view that set its own Cache-Control (a staff preview) is not shared.
    if response.status_code == 200 and "Cache-Control" not in response:
        content = response.content
        for value, slot in personal_values().items():
            content = content.replace(value.encode(), slot.encode())
        stored = (versions, content, response["Content-Type"])
        cache.set(key, stored, lifetime(upcoming))
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

    def dispatch(self, request, *args, **kwargs):
        if not self.page_cache:
            return super().dispatch(request, *args, **kwargs)
        return serve(
            request,
            lambda: super(CachedPageMixin, self).dispatch(request, *args, **kwargs),
            comments_slug=kwargs.get("slug") if self.shows_comments else None,
            personal_values=self.personal_values,
            parameters=self.cache_parameters,
        )


def cached_page(view):
    """The same cache for a function view whose page has nothing personal."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        return serve(request, lambda: view(request, *args, **kwargs))

    return wrapped
