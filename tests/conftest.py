import os
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from django.core.cache import cache
from django.test import override_settings

from .factories import make_article, make_user

# In CI the property tests run the same examples every time, so that a red
# build is reproducible; on a workstation they explore new ones on every run.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

# The seed article lives beside the project checkout, in ../shared/seed.
SEED = Path(__file__).resolve().parents[1] / ".." / "shared" / "seed" / "alaska-summit.txt"


@pytest.fixture(scope="session", autouse=True)
def test_server_settings():
    """Plain HTTP (so no secure-only cookies) and unhashed static files.

    Session-wide, because a live server's middleware reads its settings once.
    """
    with override_settings(
        SECURE_SSL_REDIRECT=False,
        CSRF_COOKIE_SECURE=False,
        SESSION_COOKIE_SECURE=False,
        # Hashed static names need collectstatic; tests serve from the finders.
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {
                "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
            },
        },
    ):
        yield


@pytest.fixture(autouse=True)
def site_settings(settings, tmp_path):
    """Throwaway media and an empty cache for every test."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    cache.clear()
    yield settings
    cache.clear()


@pytest.fixture
def author(db):
    return make_user("ada", first_name="Ada", last_name="Quill")


@pytest.fixture
def article(author):
    return make_article(author=author)


@pytest.fixture
def editor(db):
    return make_user("editor", is_staff=True, groups=["Editors"])


@pytest.fixture
def seed_path():
    """The seed article's export; tests that need it skip when it is absent."""
    if not SEED.is_file():
        pytest.skip("the seed article ../shared/seed/alaska-summit.txt is absent")
    return SEED
