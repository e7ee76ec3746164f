from django.contrib.sitemaps.views import sitemap
from django.urls import path

from magpost.pagecache import cached_page

from . import feeds, sitemaps, views

app_name = "articles"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="home"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
    path("tags/<slug:slug>/", views.TagArchiveView.as_view(), name="tag"),
    path("tags/<slug:slug>/feed/", cached_page(feeds.TagFeed()), name="tag-feed"),
    path("preview/<str:signed>/", views.PreviewView.as_view(), name="preview"),
    path(
        "authors/<str:username>/", views.AuthorArchiveView.as_view(), name="author"
    ),
    path("search/", views.SearchView.as_view(), name="search"),
    path("feed/", cached_page(feeds.LatestArticlesFeed()), name="feed"),
    path("feed/atom/", cached_page(feeds.LatestArticlesAtomFeed()), name="atom-feed"),
    path(
        "sitemap.xml",
        cached_page(sitemap),
        {"sitemaps": sitemaps.SITEMAPS},
        name="sitemap",
    ),
    path(
        "sitemap-news.xml",
        cached_page(sitemap),
        {
            "sitemaps": {"news": sitemaps.NewsSitemap},
            "template_name": "articles/sitemap_news.xml",
        },
        name="news-sitemap",
    ),
    path("robots.txt", views.RobotsView.as_view(), name="robots"),
]
