"""The editorial workflow, through the admin and the public pages."""

from datetime import timedelta

import pytest
from reversion.models import Version

from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, PreviewLink

from ..factories import make_article, make_user
from .test_admin import article_form, formset

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader():
    """An anonymous visitor, apart from the logged-in staff client."""
    return Client()


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def change_form(article, **overrides):
    """The article's change form as the admin would post it back."""
    sections = list(article.sections.all())
    takeaways = list(article.takeaways.all())
    data = article_form(
        article.author,
        title=article.title,
        slug=article.slug,
        lead=article.lead,
        status=article.status,
        published_at_0=timezone.localtime(article.published_at).strftime("%Y-%m-%d") if article.published_at else "",
        published_at_1=timezone.localtime(article.published_at).strftime("%H:%M:%S") if article.published_at else "",
        tags=", ".join(sorted(article.tags.names())),
        **formset(
            "sections",
            [
                {"id": s.pk, "article": article.pk, "level": s.level, "order": s.order,
                 "heading": s.heading, "body": s.body, "anchor": s.anchor}
                for s in sections
            ],
            initial=len(sections),
        ),
        **formset(
            "takeaways",
            [{"id": t.pk, "article": article.pk, "order": t.order, "aspect": t.aspect, "highlight": t.highlight}
             for t in takeaways],
            initial=len(takeaways),
        ),
    )
    data.update(overrides)
    return data


def save(client, article, **overrides):
    response = client.post(reverse("admin:articles_article_change", args=[article.pk]), change_form(article, **overrides))
    assert response.status_code == 302, response.context and response.context["errors"]
    return response


# Revisions -------------------------------------------------------------------


def test_every_admin_save_keeps_a_revision_of_the_whole_article(editor_client, editor):
    article = make_article(sections=2, subsections=0, takeaways=1, tags=["bees"])
    save(editor_client, article)
    save(editor_client, article, **{"sections-0-body": "<p>Rewritten body.</p>"})

    versions = Version.objects.get_for_object(article)
    assert versions.count() == 2
    latest = versions.first().revision
    assert latest.user == editor
    models = sorted(v.content_type.model for v in latest.version_set.all())
    assert models == ["article", "section", "section", "taggedarticle", "takeaway"]


def test_history_lists_revisions_and_compare_shows_section_changes(editor_client):
    article = make_article(sections=2, subsections=0, takeaways=1)
    save(editor_client, article)
    save(
        editor_client,
        article,
        **{"sections-0-body": "<p>Body of section 1, with many new words.</p>", "takeaways-0-highlight": "A new highlight"},
    )
    history = editor_client.get(reverse("admin:articles_article_history", args=[article.pk])).content.decode()
    assert history.count("Restore this revision") == 1
    assert "What changed" in history

    new, old = Version.objects.get_for_object(article)[:2]
    page = editor_client.get(
        reverse("admin:articles_article_compare", args=[article.pk]), {"from": old.pk, "to": new.pk}
    ).content.decode()
    assert "Section “Section 1 In Title Case”, body" in page
    assert "Body of section 1, with <del>a few plain</del> <ins>many new</ins> words." in page
    assert "Takeaway “Aspect 1”, highlight" in page
    assert "<del>Highlight 1</del> <ins>A new highlight</ins>" in page
    assert "Section 2 In Title Case" not in page  # unchanged sections are not listed


def test_compare_with_unknown_revisions_answers_404(editor_client, article):
    url = reverse("admin:articles_article_compare", args=[article.pk])
    assert editor_client.get(url, {"from": "999", "to": "abc"}).status_code == 404


def test_restoring_a_revision_brings_back_the_earlier_text_on_the_public_page(editor_client):
    """Read by an anonymous reader, so through the page cache."""
    client = Client()
    article = make_article(sections=1, subsections=0)
    save(editor_client, article, **{"sections-0-body": "<p>The original wording.</p>"})
    save(editor_client, article, **{"sections-0-body": "<p>A regrettable edit.</p>"})
    assert "A regrettable edit." in client.get(article.get_absolute_url()).content.decode()

    earlier = Version.objects.get_for_object(article)[1]
    response = editor_client.post(reverse("admin:articles_article_restore", args=[article.pk, earlier.pk]))

    assert response.status_code == 302
    html = client.get(article.get_absolute_url()).content.decode()
    assert "The original wording." in html
    assert "A regrettable edit." not in html
    # The restore is a revision of its own, so the edit can come back too.
    versions = Version.objects.get_for_object(article)
    assert versions.count() == 3
    assert versions.first().revision.get_comment().startswith("Restored the revision saved")


def test_restoring_removes_sections_added_since(editor_client, reader):
    article = make_article(sections=1, subsections=0)
    save(editor_client, article)
    first = Version.objects.get_for_object(article).first()
    data = change_form(article)
    data.update(formset("sections", [
        {"id": s.pk, "article": article.pk, "level": s.level, "order": s.order, "heading": s.heading, "body": s.body, "anchor": s.anchor}
        for s in article.sections.all()
    ] + [{"level": "2", "order": "9", "heading": "An Afterthought", "body": "<p>Extra.</p>", "anchor": ""}], initial=1))
    editor_client.post(reverse("admin:articles_article_change", args=[article.pk]), data)
    assert article.sections.count() == 2

    editor_client.post(reverse("admin:articles_article_restore", args=[article.pk, first.pk]))

    assert [s.heading for s in article.sections.all()] == ["Section 1 In Title Case"]
    assert "An Afterthought" not in reader.get(article.get_absolute_url()).content.decode()


def test_restore_needs_a_post(editor_client, article):
    save(editor_client, article)
    version = Version.objects.get_for_object(article).first()
    url = reverse("admin:articles_article_restore", args=[article.pk, version.pk])
    assert editor_client.get(url).status_code == 405


# Review and publishing -------------------------------------------------------


@pytest.fixture
def writer(db):
    return make_user("scribe", is_staff=True, groups=["Writers"])


def test_a_writer_who_tries_to_publish_gets_a_draft_and_a_clear_message(client, writer):
    client.force_login(writer)
    response = client.post(reverse("admin:articles_article_add"), article_form(writer), follow=True)
    article = Article.objects.get()
    assert article.status == "draft"
    assert "Only editors can publish, so the article was saved as a draft." in response.content.decode()


def test_a_writer_asks_for_review(client, writer, editor):
    client.force_login(writer)
    client.post(
        reverse("admin:articles_article_add"),
        article_form(writer, status="draft", review_state="ready", assignee=str(editor.pk), review_due="2030-01-31"),
    )
    article = Article.objects.get()
    assert (article.review_state, article.assignee, str(article.review_due)) == ("ready", editor, "2030-01-31")


def test_writers_cannot_use_the_publish_action(client, writer):
    draft = make_article(status="draft", published_at=None, author=writer)
    client.force_login(writer)
    page = client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "publish_now" not in page
    client.post(reverse("admin:articles_article_changelist"), {"action": "publish_now", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_editors_publish(editor_client, editor):
    editor_client.post(reverse("admin:articles_article_add"), article_form(editor))
    assert Article.objects.get().status == "published"


def test_my_articles_to_review_come_first_and_can_be_filtered(editor_client, editor):
    make_article(title="Someone else's", review_state="ready")
    make_article(title="Mine to review", review_state="ready", assignee=editor, published_at=timezone.now() - timedelta(days=400))
    make_article(title="Newest", review_state="writing")
    url = reverse("admin:articles_article_changelist")
    html = editor_client.get(url).content.decode()
    assert html.index("Mine to review") < html.index("Newest") < html.index("Someone else")
    assert "Ready for review" in html

    filtered = editor_client.get(url, {"review_state__exact": "ready", "assignee__id__exact": editor.pk}).content.decode()
    assert "Mine to review" in filtered and "Newest" not in filtered


def test_findings_are_listed_when_an_article_with_findings_is_published(editor_client, editor):
    response = editor_client.post(
        reverse("admin:articles_article_add"),
        article_form(editor, meta_description="", title="A" * 70),
        follow=True,
    )
    assert Article.objects.get().status == "published"
    assert "The editorial checks found 2 thing(s) to look at" in response.content.decode()


# Preview links -----------------------------------------------------------------


def make_preview(editor_client, article):
    editor_client.post(reverse("admin:articles_article_make_preview", args=[article.pk]))
    return PreviewLink.objects.get(article=article)


def test_a_preview_link_shows_the_draft_to_anyone_holding_it(editor_client, reader):
    draft = make_article(status="draft", published_at=None, title="Not out yet")
    link = make_preview(editor_client, draft)
    response = reader.get(link.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1 class=\"article-title\">Not out yet</h1>" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex"
    assert 'id="comment-form"' not in html
    assert reader.get(draft.get_absolute_url()).status_code == 404


def test_the_change_page_lists_working_preview_links(editor_client):
    draft = make_article(status="draft", published_at=None)
    link = make_preview(editor_client, draft)
    page = editor_client.get(reverse("admin:articles_article_change", args=[draft.pk])).content.decode()
    # The signature carries the time it was made, so compare the link's token.
    assert f'value="/preview/{link.token}:' in page


def test_a_tampered_preview_link_answers_404(editor_client, reader):
    link = make_preview(editor_client, make_article(status="draft", published_at=None))
    url = link.get_absolute_url()
    tampered = url[:-3] + ("A" if url[-3] != "A" else "B") + url[-2:]
    assert reader.get(tampered).status_code == 404
    assert reader.get("/preview/not-a-signed-token/").status_code == 404


def test_an_expired_preview_link_answers_404(editor_client, reader, settings, monkeypatch):
    link = make_preview(editor_client, make_article(status="draft", published_at=None))
    url = link.get_absolute_url()
    later = timezone.now() + timedelta(days=settings.MAGPOST_PREVIEW_DAYS, minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr(signing.time, "time", lambda: later.timestamp())
    assert reader.get(url).status_code == 404


def test_a_revoked_preview_link_answers_404(editor_client, reader):
    draft = make_article(status="draft", published_at=None)
    link = make_preview(editor_client, draft)
    editor_client.post(reverse("admin:articles_article_revoke_preview", args=[draft.pk, link.pk]))
    assert reader.get(link.get_absolute_url()).status_code == 404


def test_a_preview_link_leads_to_the_article_once_published(editor_client, reader):
    draft = make_article(status="draft", published_at=None)
    link = make_preview(editor_client, draft)
    draft.publish()
    response = reader.get(link.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"] == draft.get_absolute_url()


def test_only_staff_who_can_edit_make_preview_links(client, article):
    client.force_login(make_user(is_staff=True, groups=["Moderators"]))
    response = client.post(reverse("admin:articles_article_make_preview", args=[article.pk]))
    assert response.status_code == 403
    assert PreviewLink.objects.count() == 0


# Updates and corrections -------------------------------------------------------


def test_a_correction_note_shows_with_the_original_date(editor_client, reader):
    article = make_article(published_at=timezone.now() - timedelta(days=10))
    save(
        editor_client,
        article,
        note_kind="correction",
        note_text="An earlier version misnamed the river.",
        noted_at_0=timezone.localdate().isoformat(),
        noted_at_1="09:00:00",
    )
    article.refresh_from_db()
    html = reader.get(article.get_absolute_url()).content.decode()
    assert "Correction" in html and "An earlier version misnamed the river." in html
    assert f'<time datetime="{article.published_at.isoformat()}"' in html
    assert article.modified_at == article.noted_at


def test_a_note_without_text_or_date_is_refused(editor_client, article):
    response = editor_client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        change_form(article, note_kind="update", note_text=""),
    )
    assert response.status_code == 200
    assert "Write the note and give its date, or choose no note." in response.content.decode()


# Several authors and their pages ---------------------------------------------


def test_co_authors_are_credited_in_order_with_links_to_their_pages(editor_client, editor, reader, author):
    second = make_user("bo", first_name="Bo", last_name="Lindqvist")
    third = make_user("cy", first_name="Cy", last_name="Okoro")
    data = article_form(editor, **formset("credits", [
        {"order": "2", "author": str(third.pk)},
        {"order": "1", "author": str(second.pk)},
    ]))
    data["author"] = str(author.pk)
    editor_client.post(reverse("admin:articles_article_add"), data)
    article = Article.objects.get()
    assert article.authors == [author, second, third]

    html = reader.get(article.get_absolute_url()).content.decode()
    assert (
        'By <a href="/authors/ada/" rel="author">Ada Quill</a>, '
        '<a href="/authors/bo/" rel="author">Bo Lindqvist</a> and '
        '<a href="/authors/cy/" rel="author">Cy Okoro</a>'
    ) in html


def test_a_co_author_has_a_page_listing_the_article(client):
    from articles.models import ArticleAuthor, AuthorProfile

    guest = make_user("guest", first_name="Gia", last_name="Guest")
    AuthorProfile.objects.create(user=guest, bio="Gia writes about <rivers> & estuaries.")
    article = make_article(title="Written together")
    ArticleAuthor.objects.create(article=article, author=guest)

    response = client.get(reverse("articles:author", args=["guest"]))

    assert response.status_code == 200
    assert list(response.context["articles"]) == [article]
    html = response.content.decode()
    assert "Gia Guest" in html
    assert "Gia writes about &lt;rivers&gt; &amp; estuaries." in html


def test_the_same_person_cannot_be_credited_twice(article):
    from django.db import IntegrityError

    from articles.models import ArticleAuthor

    other = make_user()
    ArticleAuthor.objects.create(article=article, author=other)
    with pytest.raises(IntegrityError):
        ArticleAuthor.objects.create(article=article, author=other)


@pytest.mark.parametrize("co_authors", [1, 6])
def test_article_page_budget_holds_with_co_authors(client, django_assert_max_num_queries, co_authors):
    from articles.models import ArticleAuthor

    article = make_article()
    for n in range(co_authors):
        ArticleAuthor.objects.create(article=article, author=make_user(), order=n)
    with django_assert_max_num_queries(8):
        assert client.get(article.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("query", [{"from": "abc", "to": "1"}, {"to": "1e3"}, {}])
def test_compare_with_malformed_revision_numbers_answers_404(editor_client, article, query):
    url = reverse("admin:articles_article_compare", args=[article.pk])
    assert editor_client.get(url, query).status_code == 404


@pytest.mark.parametrize(
    "path", ["abc/history/compare/", "abc/history/1/restore/", "abc/preview-links/", "1/preview-links/x/revoke/"]
)
def test_malformed_workflow_addresses_never_fail(editor_client, path):
    response = editor_client.post(f"/admin/articles/article/{path}")
    assert response.status_code in (302, 404, 405)


def test_a_writer_cannot_publish_through_any_revision_page(client, editor_client):
    """Only compare and restore are offered; both keep the publish rule."""
    article = make_article(status="published")
    save(editor_client, article)
    published = Version.objects.get_for_object(article).first()
    article.unpublish()
    client.force_login(make_user("scribe", is_staff=True, groups=["Writers"]))
    data = change_form(article, status="published")
    for path in [f"history/{published.pk}/", f"recover/{published.pk}/"]:
        response = client.post(f"/admin/articles/article/{article.pk}/{path}", data)
        assert response.status_code in (302, 404)
    client.post(reverse("admin:articles_article_restore", args=[article.pk, published.pk]))
    article.refresh_from_db()
    assert article.status == "draft"


def test_compare_refuses_digits_that_are_not_numbers(editor_client, article):
    url = reverse("admin:articles_article_compare", args=[article.pk])
    assert editor_client.get(url, {"from": "²", "to": "1"}).status_code == 404
