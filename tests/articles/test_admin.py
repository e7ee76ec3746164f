import re

import pytest

from django.urls import reverse

from articles.models import Article

from ..factories import make_article, make_network_link, make_user

pytestmark = pytest.mark.django_db


def formset(prefix, rows, initial=0):
    """Management-form and row data for an admin inline formset."""
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for number, row in enumerate(rows):
        data.update({f"{prefix}-{number}-{key}": value for key, value in row.items()})
    return data


def article_form(author, **overrides):
    data = {
        "title": "How night trains came back",
        "slug": "how-night-trains-came-back",
        "author": str(author.pk),
        "lead": "<p>Sleeper carriages are busy again.</p><script>alert(1)</script>",
        "status": "published",
        "published_at_0": "2026-01-10",
        "published_at_1": "08:30:00",
        "comments_open": "on",
        "tags": "trains, travel",
        "meta_description": "Why sleeper trains are full again.",
        "review_state": "writing",
        "takeaways_aspect_label": "Aspect",
        "takeaways_highlight_label": "Highlights",
        **formset(
            "sections",
            [
                {"level": "2", "order": "1", "heading": "The Return", "body": "<p>Routes reopen.</p>", "anchor": ""},
                {"level": "3", "order": "2", "heading": "Who rides them", "body": '<p onclick="x()">Everyone.</p>', "anchor": ""},
                {"level": "2", "order": "3", "heading": "What Comes Next", "body": "<p>More lines.</p>", "anchor": ""},
            ],
        ),
        **formset("takeaways", [{"order": "1", "aspect": "Demand", "highlight": "Trains are full."}]),
        **formset("credits", []),
    }
    data.update(overrides)
    return data


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def test_editor_adds_an_article_with_sections_and_takeaways(editor_client, editor):
    response = editor_client.post(reverse("admin:articles_article_add"), article_form(editor))

    assert response.status_code == 302, response.context["errors"] if response.context else ""
    article = Article.objects.get(slug="how-night-trains-came-back")
    assert [(s.level, s.heading, s.anchor) for s in article.sections.all()] == [
        (2, "The Return", "the-return"),
        (3, "Who rides them", "who-rides-them"),
        (2, "What Comes Next", "what-comes-next"),
    ]
    assert [(t.aspect, t.highlight) for t in article.takeaways.all()] == [("Demand", "Trains are full.")]
    assert sorted(article.tags.names()) == ["trains", "travel"]
    assert "<script" not in article.lead
    assert "onclick" not in article.sections.get(heading="Who rides them").body
    assert article.word_count > 0
    assert article.is_published() is True


def test_editor_changes_a_section_through_the_admin(editor_client, editor):
    editor_client.post(reverse("admin:articles_article_add"), article_form(editor))
    article = Article.objects.get(slug="how-night-trains-came-back")
    sections = list(article.sections.all())
    takeaway = article.takeaways.get()
    data = article_form(
        editor,
        **formset(
            "sections",
            [
                {"id": str(s.pk), "article": str(article.pk), "level": str(s.level), "order": str(s.order),
                 "heading": s.heading, "body": s.body, "anchor": s.anchor}
                for s in sections
            ],
            initial=len(sections),
        ),
        **formset(
            "takeaways",
            [{"id": str(takeaway.pk), "article": str(article.pk), "order": "1", "aspect": "Demand", "highlight": "Sold out."}],
            initial=1,
        ),
    )
    data["sections-0-heading"] = "The Great Return"
    data["sections-2-DELETE"] = "on"

    response = editor_client.post(reverse("admin:articles_article_change", args=[article.pk]), data)

    assert response.status_code == 302
    assert [s.heading for s in article.sections.all()] == ["The Great Return", "Who rides them"]
    # The anchor is kept so that links to the section keep working.
    assert article.sections.first().anchor == "the-return"
    assert article.takeaways.get().highlight == "Sold out."


def test_admin_form_errors_change_nothing(editor_client, editor):
    data = article_form(editor, title="", slug="bad slug!")
    response = editor_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert Article.objects.count() == 0


def test_hero_image_without_alt_text_is_refused_in_the_admin(editor_client, editor):
    from ..factories import image_file

    data = article_form(editor, hero_image=image_file(), hero_alt="")
    response = editor_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 200
    assert "Describe the image for readers who cannot see it." in response.content.decode()
    assert Article.objects.count() == 0


def test_section_level_other_than_2_or_3_is_refused(editor_client, editor):
    data = article_form(editor)
    data["sections-0-level"] = "4"
    response = editor_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 200
    assert Article.objects.count() == 0


def test_article_list_shows_state_and_filters_by_status(editor_client):
    make_article(title="Live one")
    make_article(title="Drafty", status="draft", published_at=None)
    url = reverse("admin:articles_article_changelist")

    html = editor_client.get(url).content.decode()
    assert "Live one" in html and "Drafty" in html

    drafts = editor_client.get(url, {"status__exact": "draft"}).content.decode()
    assert "Drafty" in drafts and "Live one" not in drafts

    found = editor_client.get(url, {"q": "Drafty"}).content.decode()
    assert "Drafty" in found and "Live one" not in found


def test_add_form_offers_ckeditor_prepopulated_slug_and_view_on_site(editor_client):
    article = make_article()
    add = editor_client.get(reverse("admin:articles_article_add")).content.decode()
    assert "ckeditor" in add
    assert "prepopulated_fields" in add or "data-prepopulated-fields" in add
    change = editor_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert "View on site" in change.content.decode()


def test_publish_action_publishes_selected_drafts(editor_client):
    draft = make_article(status="draft", published_at=None)
    response = editor_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish_now", "_selected_action": [draft.pk]},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.is_published() is True


def test_moderators_cannot_edit_articles(client):
    moderator = make_user(is_staff=True, groups=["Moderators"])
    article = make_article()
    client.force_login(moderator)
    assert client.get(reverse("admin:articles_article_add")).status_code == 403
    assert client.post(reverse("admin:articles_article_change", args=[article.pk]), {}).status_code == 403


def test_editors_manage_network_links(editor_client):
    link = make_network_link()
    response = editor_client.get(reverse("admin:articles_networklink_changelist"))
    assert response.status_code == 200
    assert link.title in response.content.decode()


# Editorial checks in the admin


def findings_list(html):
    match = re.search(r'<ul class="editorial-findings">(.*?)</ul>', html, re.S)
    return match.group(1) if match else None


def test_change_page_lists_editorial_findings_escaped(editor_client):
    """Findings show on the change page with their places, as plain text."""
    article = make_article(sections=0, takeaways=0, meta_description="")
    article.sections.create(heading="<b>Bare</b>", level=2, body="", order=1)
    html = editor_client.get(
        reverse("admin:articles_article_change", args=[article.pk])
    ).content.decode()
    assert "Editorial checks" in html
    findings = findings_list(html)
    assert "<strong>meta description</strong>: There is no meta description" in findings
    assert "<strong>section “&lt;b&gt;Bare&lt;/b&gt;”</strong>: This section has" in findings
    assert "<b>Bare</b>" not in findings


def test_change_page_of_a_clean_article_says_nothing_was_found(editor_client):
    """A clean article gets an all-clear instead of a list."""
    article = make_article(meta_description="What the article is about.")
    html = editor_client.get(
        reverse("admin:articles_article_change", args=[article.pk])
    ).content.decode()
    assert findings_list(html) is None
    assert "the checks found no problems" in html


def test_add_page_explains_checks_run_once_saved(editor_client):
    """A new article has nothing to check yet, and says so."""
    html = editor_client.get(reverse("admin:articles_article_add")).content.decode()
    assert "Checked once the article is saved." in html


def test_saving_an_article_with_findings_warns_the_editor(editor_client, editor):
    """After saving, a warning sums up what the checks found."""
    response = editor_client.post(
        reverse("admin:articles_article_add"),
        article_form(editor, meta_description=""),
        follow=True,
    )
    shown = [(m.level_tag, str(m)) for m in response.context["messages"]]
    assert shown[0][0] == "success"
    assert shown[1] == (
        "warning",
        "The editorial checks found 1 thing(s) to look at (listed under "
        "“Editorial checks”): meta description: There is no meta description, "
        "so search engines and link previews show the lead's first words. Write "
        "one or two sentences.",
    )


def test_saving_a_clean_article_gives_no_warning(editor_client, editor):
    """Only the success message follows a clean save."""
    response = editor_client.post(
        reverse("admin:articles_article_add"), article_form(editor), follow=True
    )
    assert [m.level_tag for m in response.context["messages"]] == ["success"]


def test_changing_an_article_runs_the_checks_on_what_was_saved(editor_client, editor):
    """The warning reflects the sections as saved, inlines included."""
    editor_client.post(reverse("admin:articles_article_add"), article_form(editor))
    article = Article.objects.get()
    data = article_form(
        editor,
        **formset(
            "sections",
            [
                {"id": str(s.pk), "article": str(article.pk), "level": str(s.level),
                 "order": str(s.order), "heading": s.heading, "body": s.body,
                 "anchor": s.anchor}
                for s in article.sections.all()
            ],
            initial=3,
        ),
        **formset("takeaways", [], initial=0),
    )  # fmt: skip
    data["sections-0-level"] = "3"
    response = editor_client.post(
        reverse("admin:articles_article_change", args=[article.pk]), data, follow=True
    )
    messages = response.context["messages"]
    warnings = [str(m) for m in messages if m.level_tag == "warning"]
    assert len(warnings) == 1
    assert "subsection “The Return”: This level-3 heading follows a level-1" in (
        warnings[0]
    )


def test_publishing_without_a_date_publishes_now(editor_client, editor):
    data = article_form(editor, published_at_0="", published_at_1="")
    response = editor_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302
    assert Article.objects.get().is_published() is True


@pytest.mark.parametrize(
    ("tags", "error"),
    [
        ('"-->", travel', "The tag “--&gt;” has no letters or digits"),
        ('"' + "t" * 101 + '"', "Tags may be at most 100 characters long."),
    ],
)
def test_tags_that_cannot_have_an_address_are_refused(editor_client, editor, tags, error):
    response = editor_client.post(reverse("admin:articles_article_add"), article_form(editor, tags=tags))
    assert response.status_code == 200
    assert error in response.content.decode()
    assert Article.objects.count() == 0
