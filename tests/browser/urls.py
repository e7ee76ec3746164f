"""The site's URLs, plus uploaded media, which only DEBUG serves otherwise."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from magpost.urls import urlpatterns as site_urlpatterns


def media(request, path):
    # MEDIA_ROOT is read per request: every test has its own.
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [re_path(r"^media/(?P<path>.*)$", media), *site_urlpatterns]
