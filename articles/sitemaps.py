from datetime import timedelta

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils import timezone

from .models import Article


class HomeSitemap(Sitemap):
    changefreq = "hourly"
    priority = 1.0

    def items(self):
        return ["articles:home"]

    def location(self, name):
        return reverse(name)


class ArticleSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Article.objects.published()

    def lastmod(self, article):
        return article.modified_at


class TagSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.4

    def items(self):
        return Article.objects.published().tags()

    def location(self, tag):
        return reverse("articles:tag", args=[tag.slug])

    def lastmod(self, tag):
        return tag.last_published


class NewsSitemap(Sitemap):
    """Articles of the last hours, for Google News (its template adds news:)."""

    # Google News reads at most 1,000 articles from one sitemap.
    limit = 1000

    def items(self):
        since = timezone.now() - timedelta(hours=settings.MAGPOST_NEWS_SITEMAP_HOURS)
        return Article.objects.published().filter(published_at__gte=since)

    def lastmod(self, article):
        return article.modified_at


SITEMAPS = {"home": HomeSitemap, "articles": ArticleSitemap, "tags": TagSitemap}
