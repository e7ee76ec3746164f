"""
Settings for Magpost.

Every value that differs between machines comes from an environment variable
read here, and only here, with a safe development default (12-factor).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent

DEVELOPMENT_SECRET_KEY = "django-insecure-magpost-development-key-do-not-use-in-production"


def env_str(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = os.environ.get(name)
    return default if value is None or value.strip() == "" else int(value)


def env_list(name, default):
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


# Core ------------------------------------------------------------------------

DEBUG = env_bool("DJANGO_DEBUG", False)
# The development key is refused by magpost.wsgi when debug is off.
SECRET_KEY = env_str("DJANGO_SECRET_KEY") or DEVELOPMENT_SECRET_KEY
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "magpost.apps.MagpostAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "ckeditor",
    "taggit",
    "axes",
    "reversion",
    "articles",
    "comments",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "magpost.middleware.RejectBrokenUtf8Middleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "magpost.middleware.ContentSecurityPolicyMiddleware",
    "magpost.middleware.ReadableErrorsMiddleware",
    # Last, as django-axes asks: it turns a lockout into its answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "magpost.urls"
WSGI_APPLICATION = "magpost.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "magpost.context_processors.site",
            ],
        },
    },
]

# Database and cache ----------------------------------------------------------

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work at once; IMMEDIATE takes the write
    # lock at the start of a transaction instead of failing half-way.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # A file, not memory, so that a test server's threads each have their own
    # connection and meet the same locking as production.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / ".test-db.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "magpost.cache.PageRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "magpost"),
            # Each worker's copies of cached pages (see magpost.cache).
            "OPTIONS": {"LOCAL_COPIES_MB": env_int("MAGPOST_LOCAL_COPIES_MB", 8)},
        }
    }
else:
    # Files are shared by every worker process of the machine, so an
    # invalidation made by one worker is seen by all (local memory is not).
    CACHES = {
        "default": {
            "BACKEND": "magpost.cache.PageFileCache",
            "LOCATION": env_str("CACHE_DIR") or str(BASE_DIR / ".cache" / "django"),
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "magpost"),
        }
    }

# Authentication --------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"
AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out login is refused before any password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Password guessing on /admin/login/: django-axes counts failures in the
# database, so a lockout holds on every app server.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # either one locks
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "magpost.clients.client_address"
AXES_ENABLE_ACCESS_FAILURE_LOG = True

# Internationalisation --------------------------------------------------------

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env_str("DJANGO_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

# Static and media files ------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = env_str("STATIC_ROOT") or str(BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env_str("MEDIA_ROOT") or str(BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Tests run without collectstatic; WhiteNoise then serves from the finders.
WHITENOISE_USE_FINDERS = env_bool("WHITENOISE_USE_FINDERS", DEBUG)
WHITENOISE_MANIFEST_STRICT = False

# Security --------------------------------------------------------------------

SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
# The header that carries the client's address: REMOTE_ADDR when readers
# connect directly, e.g. HTTP_X_FORWARDED_FOR behind a proxy (its last
# address, the one the proxy saw, is used). Flood control and login lockouts
# count by it.
MAGPOST_CLIENT_IP_HEADER = env_str("MAGPOST_CLIENT_IP_HEADER", "REMOTE_ADDR")

# Content-Security-Policy (django-csp). Reader pages run only the site's own
# scripts and load nothing from other origins, except media when it lives on
# another host (MAGPOST_MEDIA_ORIGINS, e.g. an S3 bucket or CDN).
MAGPOST_MEDIA_ORIGINS = env_list("MAGPOST_MEDIA_ORIGINS", [])
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, *MAGPOST_MEDIA_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
    }
}
# The admin's policy adds only what Django's admin and CKEditor 4 need:
# CKEditor 4 wires its toolbar with inline event handlers and writes inline
# script into its editing frame, so the admin allows inline script (and only
# the admin: it is for logged-in staff, and what they write is sanitised);
# also inline styles, data: images for icons, and the same-origin frame.
MAGPOST_ADMIN_CSP = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": [SELF, "'unsafe-inline'"],
    "style-src": [SELF, "'unsafe-inline'"],
    "img-src": [SELF, "data:", *MAGPOST_MEDIA_ORIGINS],
    "frame-src": [SELF],
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
FILE_UPLOAD_PERMISSIONS = 0o644

# Uploaded images: real images only, in these formats, under these limits.
MAGPOST_UPLOAD_MAX_BYTES = env_int("MAGPOST_UPLOAD_MAX_BYTES", 10 * 1024 * 1024)
MAGPOST_UPLOAD_MAX_PIXELS = env_int("MAGPOST_UPLOAD_MAX_PIXELS", 40_000_000)
MAGPOST_UPLOAD_FORMATS = ["JPEG", "PNG", "WEBP", "GIF"]
# Serve uploaded media from Django when no proxy or bucket serves it.
MAGPOST_SERVE_MEDIA = env_bool("MAGPOST_SERVE_MEDIA", True)

# Email -----------------------------------------------------------------------

EMAIL_BACKEND = env_str(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Magpost <magpost@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Logging: errors to stderr, where gunicorn and systemd collect them.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "WARNING")},
}

# Rich text -------------------------------------------------------------------

CKEDITOR_BASEPATH = STATIC_URL + "ckeditor/ckeditor/"
CKEDITOR_CONFIGS = {
    # The toolbar offers only what the sanitiser keeps (articles/richtext.py);
    # headings are not offered because sections carry them.
    "default": {
        "toolbar": "Magpost",
        "toolbar_Magpost": [
            ["Bold", "Italic", "Strike", "Subscript", "Superscript"],
            ["NumberedList", "BulletedList", "Blockquote"],
            ["Link", "Unlink"],
            ["RemoveFormat", "Undo", "Redo"],
        ],
        "removePlugins": "image,flash,iframe,forms,smiley,exportpdf",
        "allowedContent": (
            "p br strong em b i s sub sup ul ol li blockquote;"
            "a[!href,title]"
        ),
        "disableNativeSpellChecker": False,
        "height": 220,
        "width": "100%",
    }
}
SILENCED_SYSTEM_CHECKS = [
    # CKEditor 4 no longer receives free security fixes. It only runs for
    # staff in the admin, and every field it edits is sanitised on save;
    # README.md ("Security") states the risk and the other mitigations.
    "ckeditor.W001",
]

# Magpost ---------------------------------------------------------------------

MAGPOST_SITE_NAME = env_str("MAGPOST_SITE_NAME", "The Mag Post")
MAGPOST_SITE_TAGLINE = env_str(
    "MAGPOST_SITE_TAGLINE", "Long reads on how the world works"
)
MAGPOST_WORDS_PER_MINUTE = env_int("MAGPOST_WORDS_PER_MINUTE", 250)
MAGPOST_ARTICLES_PER_PAGE = env_int("MAGPOST_ARTICLES_PER_PAGE", 10)
MAGPOST_NETWORK_LINKS_SHOWN = env_int("MAGPOST_NETWORK_LINKS_SHOWN", 5)
MAGPOST_PREVIEW_DAYS = env_int("MAGPOST_PREVIEW_DAYS", 7)
# How long an anonymous reader's page is kept in the cache; 0 turns it off.
# Changes clear it at once, and no copy outlives the next scheduled article.
MAGPOST_PAGE_CACHE_SECONDS = env_int("MAGPOST_PAGE_CACHE_SECONDS", 600)
MESSAGE_STORAGE = "django.contrib.messages.storage.cookie.CookieStorage"

# Editorial checks (articles/editorial.py): what counts as a mistake.
# Search results show about 60 characters of a title.
MAGPOST_TITLE_MAX_LENGTH = env_int("MAGPOST_TITLE_MAX_LENGTH", 60)
# Shorter paragraphs ("Read on.") may repeat on purpose.
MAGPOST_REPEATED_PARAGRAPH_MIN_WORDS = env_int(
    "MAGPOST_REPEATED_PARAGRAPH_MIN_WORDS", 8
)
# A phrase of 2 to 4 words used at least 8 times and at least 10 times per
# 1,000 words reads as keyword stuffing; well-edited long reads stay under 5.
MAGPOST_STUFFING_MIN_PHRASE_WORDS = env_int("MAGPOST_STUFFING_MIN_PHRASE_WORDS", 2)
MAGPOST_STUFFING_MAX_PHRASE_WORDS = env_int("MAGPOST_STUFFING_MAX_PHRASE_WORDS", 4)
MAGPOST_STUFFING_MIN_COUNT = env_int("MAGPOST_STUFFING_MIN_COUNT", 8)
MAGPOST_STUFFING_PER_1000_WORDS = env_int("MAGPOST_STUFFING_PER_1000_WORDS", 10)
MAGPOST_RELATED_ARTICLES = env_int("MAGPOST_RELATED_ARTICLES", 4)

# Search: PostgreSQL's text search configuration (its language, for stemming
# and stop words; reindex after changing it). SQLite's FTS5 index always uses
# the Porter (English) stemmer.
MAGPOST_SEARCH_CONFIG = env_str("MAGPOST_SEARCH_CONFIG", "english")
MAGPOST_SEARCH_MAX_LENGTH = env_int("MAGPOST_SEARCH_MAX_LENGTH", 200)
# SQLite ranks at most this many best matches (PostgreSQL ranks them all).
MAGPOST_SEARCH_MAX_RESULTS = env_int("MAGPOST_SEARCH_MAX_RESULTS", 500)
MAGPOST_SEARCH_EXCERPT_WORDS = env_int("MAGPOST_SEARCH_EXCERPT_WORDS", 30)

# Hero image renditions: widths for srcset, the JPEG quality, and the 16:9
# image for link previews, structured data and feed enclosures.
MAGPOST_RENDITION_WIDTHS = [
    int(width)
    for width in env_list("MAGPOST_RENDITION_WIDTHS", ["480", "800", "1200", "1600"])
]
MAGPOST_RENDITION_QUALITY = env_int("MAGPOST_RENDITION_QUALITY", 82)
MAGPOST_SOCIAL_IMAGE_SIZE = (1200, 675)

# Feeds and sitemaps.
MAGPOST_FEED_ITEMS = env_int("MAGPOST_FEED_ITEMS", 20)
MAGPOST_FEED_FULL_TEXT = env_bool("MAGPOST_FEED_FULL_TEXT", False)
MAGPOST_NEWS_SITEMAP_HOURS = env_int("MAGPOST_NEWS_SITEMAP_HOURS", 48)
# ISO 639 code of the publication's language, for the Google News sitemap.
MAGPOST_NEWS_LANGUAGE = env_str("MAGPOST_NEWS_LANGUAGE", "en")

# Comments --------------------------------------------------------------------

COMMENTS_RATE_LIMIT = env_str("COMMENTS_RATE_LIMIT", "5/600")
COMMENTS_MIN_SECONDS = env_int("COMMENTS_MIN_SECONDS", 3)
COMMENTS_MAX_LINKS = env_int("COMMENTS_MAX_LINKS", 2)
COMMENTS_MAX_DEPTH = env_int("COMMENTS_MAX_DEPTH", 3)
COMMENTS_CLOSE_AFTER_DAYS = env_int("COMMENTS_CLOSE_AFTER_DAYS", 0)
COMMENTS_SPAM_RETENTION_DAYS = env_int("COMMENTS_SPAM_RETENTION_DAYS", 30)
COMMENTS_MODERATION_WORDS = env_list("COMMENTS_MODERATION_WORDS", [])
COMMENTS_BLOCK_WORDS = env_list(
    "COMMENTS_BLOCK_WORDS", ["viagra", "casino bonus", "crypto giveaway"]
)
COMMENTS_NOTIFY_MODERATORS = env_bool("COMMENTS_NOTIFY_MODERATORS", True)
