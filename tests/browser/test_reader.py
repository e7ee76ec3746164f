import re

import pytest
from playwright.sync_api import expect

from articles.models import Section

from ..factories import image_file, make_article, make_network_link

pytestmark = [
    # Serialised rollback restores what migrations created (the groups) after
    # each test's flush, so later tests find them.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def article(author):
    article = make_article(
        author=author,
        title="The quiet return of the night train",
        tags=["trains", "travel"],
        sections=3,
        hero_image=image_file(size=(1600, 900)),
        hero_alt="A sleeper carriage at dusk",
    )
    Section.objects.create(
        article=article,
        heading="Aboard the couchette",
        body="<p>The bunks fold down after the border, and couchettes fill fast.</p>",
        order=99,
    )
    make_article(title="Timetables worth keeping", tags=["trains"])
    make_network_link(title="Packing light for a long journey")
    return article


def test_reader_reads_follows_a_tag_searches_and_comments(page, article, settings):
    """From the home page to a held comment, as a reader clicks through."""
    # Someone who types a comment in a few seconds is human; the spam rule
    # on forms sent back too fast would otherwise catch this quick browser.
    settings.COMMENTS_MIN_SECONDS = 0

    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Latest articles")
    page.get_by_role("link", name=article.title).click()

    expect(page).to_have_url(re.compile(f"{article.get_absolute_url()}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(article.title)
    hero = page.get_by_role("img", name="A sleeper carriage at dusk")
    expect(hero).to_be_visible()
    assert hero.evaluate(
        "img => img.naturalWidth > 0 && img.currentSrc.includes('/renditions/')"
    )

    contents = page.get_by_role("navigation", name="Contents")
    contents.get_by_role("link", name="Aboard the couchette").click()
    expect(page).to_have_url(re.compile("#aboard-the-couchette$"))
    expect(page.locator("#aboard-the-couchette")).to_be_in_viewport()

    related = page.get_by_role("complementary", name="Related articles")
    expect(related.get_by_role("link")).to_have_text(["Timetables worth keeping"])

    page.locator(".article-footer").get_by_role("link", name="trains").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tag trains")
    expect(page.locator(".card-title")).to_have_count(2)

    search = page.get_by_role("search").get_by_label("Search articles")
    search.fill("couchettes")
    search.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("couchettes")
    result = page.locator(".card")
    expect(result).to_have_count(1)
    expect(result.locator("mark").first).to_have_text("couchettes")
    result.get_by_role("link", name=article.title).click()

    form = page.locator("#comment-form")
    form.get_by_label("Name").fill("Rosa Ferry")
    form.get_by_label("Email").fill("rosa@example.com")
    form.get_by_label("Comment").fill("I took this train last spring.\nLovely piece.")
    form.get_by_role("button", name="Post comment").click()

    expect(page.get_by_role("status")).to_contain_text("awaiting moderation")
    pending = page.locator(".comment-pending")
    expect(pending).to_contain_text("Rosa Ferry")
    expect(pending).to_contain_text("Your comment is awaiting moderation")
