from django.conf import settings


def site(request):
    """The publication's name and tagline, for the masthead, titles and feeds."""
    return {
        "site_name": settings.MAGPOST_SITE_NAME,
        "site_tagline": settings.MAGPOST_SITE_TAGLINE,
    }
