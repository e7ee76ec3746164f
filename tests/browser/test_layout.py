import io

import pytest

from django.core.management import call_command

from articles.models import Article

from ..factories import image_file
from .conftest import DESKTOP, PHONE, SCREENSHOTS

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def magazine():
    """The demo magazine, its newest article with a hero image."""
    call_command("load_demo", stdout=io.StringIO())
    article = Article.objects.published().first()
    article.hero_image = image_file(size=(2400, 1350), color="#5b7f6a")
    article.hero_alt = "A green field under a pale sky"
    article.save()
    return article


@pytest.mark.parametrize(
    ("device", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)]
)
def test_home_and_article_pages_fit_the_screen(open_page, magazine, device, viewport):
    """Pages never scroll sideways on a phone; screenshots are kept for review."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = open_page(viewport)
    for name, path in [("home", "/"), ("article", magazine.get_absolute_url())]:
        page.goto(path)
        page.wait_for_load_state("networkidle")
        page.screenshot(path=SCREENSHOTS / f"{name}-{device}.png", full_page=True)
        overflow = page.evaluate(
            "[document.documentElement.scrollWidth, window.innerWidth]"
        )
        assert overflow[0] <= overflow[1], f"{name} page scrolls sideways: {overflow}"
