import pytest
from playwright.sync_api import expect

from articles.models import Article

from ..factories import PASSWORD, make_user

pytestmark = [
    # Serialised rollback restores the Editors group after other tests' flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def write_in_ckeditor(page, field_id, html):
    """Give a CKEditor field its content through CKEditor's own API."""
    page.wait_for_function(
        "id => window.CKEDITOR && CKEDITOR.instances[id]"
        " && CKEDITOR.instances[id].status === 'ready'",
        arg=field_id,
    )
    page.evaluate(
        "([id, html]) => CKEDITOR.instances[id].setData(html)", [field_id, html]
    )


def test_editor_writes_and_publishes_an_article(page):
    """An editor logs in, writes sections and a takeaway, publishes, and it is live."""
    make_user("elena", is_staff=True, groups=["Editors"])

    page.goto("/admin/")
    page.get_by_label("Username").fill("elena")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Newsroom", level=1)).to_be_visible()

    page.goto("/admin/articles/article/add/")
    page.locator("#id_title").press_sequentially("Night trains are back")
    expect(page.locator("#id_slug")).to_have_value("night-trains-are-back")
    write_in_ckeditor(page, "id_lead", "<p>Sleeper services are full again.</p>")
    page.locator("#id_status").select_option("published")
    # The admin asks for a publication date; its shortcuts give the present.
    publication = page.locator(".field-published_at")
    publication.get_by_role("link", name="Today").first.click()
    publication.get_by_role("link", name="Now").first.click()
    page.locator("#id_tags").fill("trains, travel")

    add_section = page.get_by_role("button", name="Add another Section")
    for number, (heading, body) in enumerate(
        [
            ("Why now", "<p>Flights lost their shine.</p>"),
            ("What it costs", "<p>Less than a hotel, often.</p>"),
        ]
    ):
        add_section.click()
        page.locator(f"#id_sections-{number}-heading").fill(heading)
        page.locator(f"#id_sections-{number}-order").fill(str(number + 1))
        write_in_ckeditor(page, f"id_sections-{number}-body", body)
    page.locator("#id_takeaways-0-aspect").fill("Demand")
    page.locator("#id_takeaways-0-highlight").fill("Trains sell out weeks ahead.")
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    article = Article.objects.get(slug="night-trains-are-back")
    assert article.is_published() is True
    assert [s.heading for s in article.sections.all()] == ["Why now", "What it costs"]

    page.goto("/")
    page.get_by_role("link", name="Night trains are back").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Night trains are back")
    expect(page.locator(".lead")).to_have_text("Sleeper services are full again.")
    expect(page.locator(".article-body h2")).to_have_text(["Why now", "What it costs"])
    expect(page.locator(".article-body")).to_contain_text("Less than a hotel, often.")
    expect(page.locator(".takeaways tbody tr")).to_have_text(
        ["DemandTrains sell out weeks ahead."]
    )
