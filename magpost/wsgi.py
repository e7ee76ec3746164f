"""WSGI entry point for gunicorn: `gunicorn magpost.wsgi`."""

import os

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "magpost.settings")

application = get_wsgi_application()

from django.conf import settings  # noqa: E402  (configured just above)

if not settings.DEBUG and settings.SECRET_KEY == settings.DEVELOPMENT_SECRET_KEY:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is not set. Set it to a long random value before "
        "serving with DJANGO_DEBUG=0, or set DJANGO_DEBUG=1 on a development "
        "machine."
    )
