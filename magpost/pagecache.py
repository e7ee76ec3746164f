"""
Whole pages for anonymous readers, from Django's cache.

A cached page is the finished HTML, so a hit renders no template and runs no
SQL. Two things on an article page differ per visitor: the comment form's
CSRF token and its signed timestamp. They are stored as placeholders and
filled in on every response; everything else personal (a logged-in user, a
message, the poster's pending comments) makes the request skip the whole-page cache.

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
from django.utils import timezone

from .csrf import get_token

CONTENT_VERSION = "pages:v:content"
NEXT_PUBLICATION = "pages:next-publication"
UNKNOWN = object()
CSRF_SLOT = "__magpost_csrf_token__"
TIMESTAMP_SLOT = "__magpost_form_timestamp__"
PERSONAL_COOKIES = ("messages",)
# How long a version is kept after its last change or first read. Anything
# stored under it lives far shorter; a version that runs out is started
# afresh. It keeps made-up addresses from leaving versions behind for good.
VERSION_SECONDS = 24 * 60 * 60


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
    cache.set(key, time.time_ns(), VERSION_SECONDS)
    transaction.on_commit(lambda: cache.set(key, time.time_ns(), VERSION_SECONDS))


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
    round trip to the cache.

    A version the cache does not hold (never set, or evicted) is started
    afresh, so that no copy stored under an older one can match it.
    """
    found = cache.get_many([*names, *keys])
    versions = []
    for name in names:
        if name not in found:
            fresh = time.time_ns()
            cache.add(name, fresh, VERSION_SECONDS)
            found[name] = cache.get(name) or fresh
        versions.append(found.pop(name))
    return tuple(versions), found


def next_publication(content_version):
    """When the next scheduled article goes live, or None.

    Kept in the cache with the content version it was read under and never
    past its time, so that a change or the publication itself has it read
    again from the database.
    """
    from articles.models import Article

    stored = cache.get(NEXT_PUBLICATION)
    if stored is not None and stored[0] == content_version:
        return stored[1]
    upcoming = Article.objects.next_publication()
    keep_next_publication(content_version, upcoming)
    return upcoming


def keep_next_publication(content_version, upcoming):
    cache.set(NEXT_PUBLICATION, (content_version, upcoming), lifetime(upcoming))


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
    """A part of a page, kept in the cache under `key` for `seconds` (0: never),
    with the `versions` it was rendered from.

    `html` is the stored copy, read before the template asks for it, or None.
    `personal` maps this visitor's values to the placeholders stored instead.
    """

    key: str
    versions: tuple
    seconds: int
    personal: dict = field(default_factory=dict)
    html: str | None = None

    def take(self, stored):
        """Use `stored`, what the cache held under the key, if still current."""
        if self.seconds > 0 and stored is not None and stored[0] == self.versions:
            self.html = stored[1]

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
            cache.set(self.key, (self.versions, stored), self.seconds)
        return html


class StoredFragments:
    """What the cache holds for one article page, read in one round trip
    before the page's query: the versions, the next scheduled publication
    and the page's fragments (see `fragments()`)."""

    def __init__(self, request, slug):
        site = digest(f"{request.scheme}://{request.get_host()}")[:16]
        page = f"{site}:{digest(slug)}"
        self.keys = {
            name: f"pages:fragment:{name}:{page}"
            for name in ("head", "article", "comments", "form")
        }
        (self.content, self.comments), self.found = read(
            version_keys(slug), [*self.keys.values(), NEXT_PUBLICATION]
        )

    @property
    def next_publication(self):
        """The next scheduled publication, or UNKNOWN if it must be read."""
        stored = self.found.get(NEXT_PUBLICATION)
        if stored is not None and stored[0] == self.content:
            return stored[1]
        return UNKNOWN

    def keep_next_publication(self, upcoming):
        keep_next_publication(self.content, upcoming)

    def has_article(self):
        """True when the head and article fragments are stored and current,
        so the page needs only the few fields it shows outside them."""
        return all(
            (stored := self.found.get(self.keys[name])) is not None
            and stored[0] == (self.content,)
            for name in ("head", "article")
        )

    def fragments(
        self, article, *, with_form, blank_form, personal_values, pending_comment_ids
    ):
        """The page's fragments: "head", "article", "comments" and "form".

        Only a published article's fragments are kept. A visitor who sees
        their own pending comments gets the comments rendered for them
        alone, and a form that is not blank (a reply, or one with errors)
        is never kept.
        """
        seconds = lifetime(article.next_publication) if article.is_published() else 0
        fragments = {
            "head": Fragment(self.keys["head"], (self.content,), seconds),
            "article": Fragment(self.keys["article"], (self.content,), seconds),
            # Reply links show only while the article takes comments.
            "comments": Fragment(
                self.keys["comments"],
                (self.comments, with_form),
                0 if pending_comment_ids else seconds,
            ),
            "form": Fragment(
                self.keys["form"],
                (self.content,),
                seconds if blank_form else 0,
                personal_values,
            ),
        }
        for part in fragments.values():
            part.take(self.found.get(part.key))
        return fragments


@functools.lru_cache(maxsize=1)
def signed_second(second):
    """The form timestamp, signed once a second rather than once a request."""
    from comments.moderation import sign_timestamp

    return sign_timestamp(second).encode()


def fill(content, request):
    """The stored page with this visitor's token and timestamp in their places."""
    parts = content.split(CSRF_SLOT.encode())
    if len(parts) == 1:  # No form on the page.
        return content
    token, stamp = get_token(request).encode(), signed_second(int(time.time()))
    return token.join(parts).replace(TIMESTAMP_SLOT.encode(), stamp)


def serve(
    request,
    render,
    comments_slug=None,
    personal_values=dict,
    upcoming=next_publication,
    parameters=frozenset(),
):
    """The page from the cache, or rendered by `render()` and stored.

    `upcoming(content_version)` tells when the next scheduled article goes
    live; a view that has read it already (the article page does) says so.
    """
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

    response = render()
    if hasattr(response, "render"):
        response.render()
    # A view that set its own Cache-Control (a staff preview) is not shared.
    if response.status_code == 200 and "Cache-Control" not in response:
        content = response.content
        for value, slot in personal_values().items():
            content = content.replace(value.encode(), slot.encode())
        stored = (versions, content, response["Content-Type"])
        cache.set(key, stored, lifetime(upcoming(versions[0])))
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

    def next_publication(self, content_version):
        return next_publication(content_version)

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
