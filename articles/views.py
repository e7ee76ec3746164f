from taggit.models import Tag

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.views.generic import DetailView, ListView, TemplateView

from comments.forms import CommentForm
from comments.models import pending_ids
from comments.moderation import sign_timestamp
from magpost.csrf import get_token
from magpost.pagecache import (
    CSRF_SLOT,
    TIMESTAMP_SLOT,
    UNKNOWN,
    CachedPageMixin,
    StoredFragments,
)

from .models import Article, PreviewLink
from .pages import ArticleParts
from .search import clean_query, query_terms


class ArticleListView(CachedPageMixin, ListView):
    """The newest published articles, newest first."""

    cache_parameters = frozenset({"page"})

    template_name = "articles/article_list.html"
    context_object_name = "articles"

    def get_paginate_by(self, queryset):
        return settings.MAGPOST_ARTICLES_PER_PAGE

    def get_queryset(self):
        return Article.objects.published().for_list()


class TagArchiveView(ArticleListView):
    template_name = "articles/tag_archive.html"

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return super().get_queryset().filter(tags=self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class AuthorArchiveView(ArticleListView):
    """An author's page: who they are, then the articles they wrote or co-wrote."""

    template_name = "articles/author_archive.html"

    def get_queryset(self):
        # Only people with published work have a public page, so the archive
        # cannot be used to find out which staff accounts exist.
        published = Article.objects.published()
        authors = get_user_model().objects.filter(
            Q(articles__in=published) | Q(credits__article__in=published)
        )
        self.author = get_object_or_404(
            authors.select_related("profile").distinct(),
            username=self.kwargs["username"],
        )
        return super().get_queryset().by_author(self.author)

    def get_context_data(self, **kwargs):
        profile = getattr(self.author, "profile", None)
        return super().get_context_data(author=self.author, profile=profile, **kwargs)


class SearchView(ArticleListView):
    """Published articles matching the words of ?q=, best match first."""

    template_name = "articles/search.html"

    def get_queryset(self):
        self.query = clean_query(self.request.GET.get("q", ""))
        return Article.objects.published().search(self.query).for_search()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            query=self.query, search_terms=query_terms(self.query), **kwargs
        )


class ArticleDetailView(CachedPageMixin, DetailView):
    context_object_name = "article"
    takes_comments = True
    shows_comments = True
    uses_fragments = True
    stored = None  # The page's StoredFragments, for a reader.
    # What the page shows outside its head and article fragments.
    fields_outside_fragments = (
        "title",
        "slug",
        "status",
        "published_at",
        "comments_open",
    )

    def get_object(self, queryset=None):
        # Logged-in staff always see the page rendered afresh.
        if self.uses_fragments and not self.request.user.is_authenticated:
            self.stored = StoredFragments(self.request, self.kwargs["slug"])
        if self.stored and self.stored.has_article():
            articles = Article.objects.only(*self.fields_outside_fragments)
        else:
            articles = Article.objects.for_detail()
        upcoming = self.stored.next_publication if self.stored else UNKNOWN
        if upcoming is UNKNOWN:
            articles = articles.with_next_publication()
        article = super().get_object(articles)
        if upcoming is not UNKNOWN:
            article.next_publication = upcoming
        elif self.stored:
            self.stored.keep_next_publication(article.next_publication)
        # Staff preview drafts and scheduled articles; readers get a 404.
        # The row is checked rather than filtered by published(): the page
        # often runs no other query, and this one is then cheaper to build.
        if not article.is_published() and not self.request.user.is_staff:
            raise Http404("No article found matching the query")
        return article

    def get_context_data(self, **kwargs):
        article = self.object
        pending = pending_ids(self.request)
        accepts_comments = self.takes_comments and article.accepts_comments()
        blank_form = False
        self.form_values = {}
        if accepts_comments:
            # Taken once, so that cached copies can swap them for placeholders.
            kwargs["csrf_token"] = get_token(self.request)
            self.form_values[kwargs["csrf_token"]] = CSRF_SLOT
            if "comment_form" not in kwargs:  # Not a form sent back with errors.
                parent, timestamp = self.reply_to(), sign_timestamp()
                self.form_values[timestamp] = TIMESTAMP_SLOT
                blank_form = parent is None
                # Built only if the page shows it rendered, not from the cache.
                kwargs["comment_form"] = SimpleLazyObject(
                    lambda: CommentForm(
                        article=article,
                        initial={"parent": parent, "timestamp": timestamp},
                    )
                )
        if self.stored:
            kwargs["fragments"] = self.stored.fragments(
                article,
                with_form=accepts_comments,
                blank_form=blank_form,
                personal_values=self.form_values,
                pending_comment_ids=pending,
            )
        return super().get_context_data(
            accepts_comments=accepts_comments,
            parts=ArticleParts(article, self.request, pending),
            **kwargs,
        )

    def personal_values(self):
        return getattr(self, "form_values", {})

    def next_publication(self, content_version):
        return self.object.next_publication

    def reply_to(self):
        """The approved comment a no-JavaScript "Reply" link asked to answer."""
        try:
            wanted = int(self.request.GET.get("reply_to", ""))
        except ValueError:  # Absent, or not a number ("²" passes isdigit()).
            return None
        replies_to = self.object.comments.approved().filter(pk=wanted)
        return replies_to.values_list("pk", flat=True).first()

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if not self.object.is_published():
            response["Cache-Control"] = "private, no-store"
            response["X-Robots-Tag"] = "noindex"
        return response


class PreviewView(ArticleDetailView):
    """A draft, shown to a reviewer who holds a valid preview link."""

    takes_comments = False
    page_cache = False
    uses_fragments = False

    def get(self, request, *args, **kwargs):
        self.link = PreviewLink.from_signed(kwargs["signed"])
        if self.link is None:
            raise Http404("This preview link is not valid, or no longer.")
        if self.link.article.is_published():
            return redirect(self.link.article)
        return super().get(request, *args, **kwargs)

    def get_object(self, queryset=None):
        return Article.objects.for_detail().get(pk=self.link.article_id)


def render_article(request, slug, status=200, **context):
    """The article page with extra context, e.g. a comment form with errors."""
    view = ArticleDetailView()
    view.setup(request, slug=slug)
    view.object = view.get_object()
    context = view.get_context_data(object=view.object, **context)
    return view.render_to_response(context, status=status)


class RobotsView(TemplateView):
    """robots.txt: keep crawlers out of the admin, and point them to the sitemaps."""

    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"

    def get_context_data(self, **kwargs):
        sitemaps = [
            self.request.build_absolute_uri(reverse(name))
            for name in ("articles:sitemap", "articles:news-sitemap")
        ]
        return super().get_context_data(sitemaps=sitemaps, **kwargs)
