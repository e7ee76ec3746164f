import pytest

from django.core.cache import cache

from .factories import make_article, make_user


@pytest.fixture(autouse=True)
def site_settings(settings, tmp_path):
    """Plain-HTTP test requests, a throwaway media folder and an empty cache."""
    settings.SECURE_SSL_REDIRECT = False
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
