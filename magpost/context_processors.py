from django.conf import settings


def site(request):
    """The publication's name, tagline and language, for pages, feeds and sitemaps."""
    return {
        "site_name": settings.MAGPOST_SITE_NAME,
        "site_tagline": settings.MAGPOST_SITE_TAGLINE,
        "news_language": settings.MAGPOST_NEWS_LANGUAGE,
    }
