import copy

from taggit.models import Tag

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse, reverse_lazy
from django.utils.feedgenerator import Atom1Feed, Enclosure

from .models import Article


class LatestArticlesFeed(Feed):
    """RSS 2.0 of the newest published articles."""

    link = reverse_lazy("articles:home")

    def __call__(self, request, *args, **kwargs):
        # Enclosure and author URLs must be absolute, and Feed's item hooks
        # do not see the request; one feed object serves every thread, so
        # each request gets a copy that knows its own.
        feed = copy.copy(self)
        feed.request = request
        return Feed.__call__(feed, request, *args, **kwargs)

    def title(self):
        return settings.MAGPOST_SITE_NAME

    def description(self):
        return settings.MAGPOST_SITE_TAGLINE

    def items(self):
        return Article.objects.published().for_feed()[: settings.MAGPOST_FEED_ITEMS]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        if settings.MAGPOST_FEED_FULL_TEXT:
            return render_to_string(
                "articles/feed_full_text.html", {"article": article}
            )
        return article.description

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.modified_at

    def item_author_name(self, article):
        return article.author.get_full_name() or article.author.username

    def item_author_link(self, article):
        path = reverse("articles:author", args=[article.author.username])
        return self.request.build_absolute_uri(path)

    def item_categories(self, article):
        return [tag.name for tag in article.tags.all()]

    def item_enclosures(self, article):
        image = article.social_image()
        if image is None:
            return []
        return [
            Enclosure(
                self.request.build_absolute_uri(image.url),
                str(image.file_size()),
                "image/jpeg",
            )
        ]


class LatestArticlesAtomFeed(LatestArticlesFeed):
    """The same articles as an Atom feed."""

    feed_type = Atom1Feed

    def subtitle(self):
        return settings.MAGPOST_SITE_TAGLINE


class TagFeed(LatestArticlesFeed):
    """RSS 2.0 of the newest published articles with one tag."""

    def get_object(self, request, slug):
        return get_object_or_404(Tag, slug=slug)

    def title(self, tag):
        return f"{settings.MAGPOST_SITE_NAME}: {tag.name}"

    def link(self, tag):
        return reverse("articles:tag", args=[tag.slug])

    def description(self, tag):
        return f"Articles tagged “{tag.name}” in {settings.MAGPOST_SITE_NAME}."

    def items(self, tag):
        articles = Article.objects.published().filter(tags=tag).for_feed()
        return articles[: settings.MAGPOST_FEED_ITEMS]
