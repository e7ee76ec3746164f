import pytest
from playwright.sync_api import expect

from ..factories import PASSWORD, make_article, make_user
from .test_editor import write_in_ckeditor

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_editor_restores_an_earlier_revision(page):
    """An edit saved in the admin is undone from the article's history."""
    make_user("elena", is_staff=True, groups=["Editors"])
    article = make_article(sections=1, subsections=0, title="Lighthouses at dusk")
    change = f"/admin/articles/article/{article.pk}/change/"

    page.goto("/admin/")
    page.get_by_label("Username").fill("elena")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    for words in ["The keeper climbs at six.", "A careless rewrite."]:
        page.goto(change)
        write_in_ckeditor(page, "id_sections-0-body", f"<p>{words}</p>")
        page.get_by_role("button", name="Save and continue editing").click()
        expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    page.goto(article.get_absolute_url())
    expect(page.locator(".article-body")).to_contain_text("A careless rewrite.")

    page.goto(f"/admin/articles/article/{article.pk}/history/")
    page.get_by_role("link", name="What changed").first.click()
    expect(page.locator("del")).to_contain_text(["The keeper climbs at six."])
    page.go_back()
    page.get_by_role("button", name="Restore this revision").first.click()
    expect(page.locator(".messagelist")).to_contain_text("Restored the revision saved")

    page.goto(article.get_absolute_url())
    expect(page.locator(".article-body")).to_contain_text("The keeper climbs at six.")
    expect(page.locator(".article-body")).not_to_contain_text("A careless rewrite.")
