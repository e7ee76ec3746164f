import pytest

from django.contrib.admin.models import LogEntry
from django.test import Client
from django.urls import reverse

from comments.models import Comment, WordList

from ..factories import make_article, make_comment, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader():
    """An anonymous visitor, apart from the logged-in staff client."""
    return Client()

QUEUE = reverse("admin:comments_comment_changelist")


@pytest.fixture
def moderator(db):
    return make_user("moderator", is_staff=True, groups=["Moderators"])


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


def test_queue_opens_on_pending_comments(moderator_client, article):
    make_comment(article, body="Waiting for a decision", status="pending", reasons=["Contains 3 links."])
    make_comment(article, body="Already approved")
    html = moderator_client.get(QUEUE).content.decode()
    assert "Waiting for a decision" in html
    assert "Contains 3 links." in html
    assert "Already approved" not in html

    everything = moderator_client.get(QUEUE, {"status": "all"}).content.decode()
    assert "Already approved" in everything and "Waiting for a decision" in everything


@pytest.mark.parametrize(
    ("action", "status"),
    [("approve", "approved"), ("mark_spam", "spam"), ("remove", "removed"), ("return_to_pending", "pending")],
)
def test_bulk_actions_moderate_and_log_who_did_it(moderator_client, moderator, article, action, status):
    start = "approved" if status == "pending" else "pending"
    comments = [make_comment(article, status=start) for _ in range(3)]
    response = moderator_client.post(
        QUEUE + "?status=all", {"action": action, "_selected_action": [c.pk for c in comments]}
    )
    assert response.status_code == 302
    for comment in comments:
        comment.refresh_from_db()
        assert comment.status == status
        assert comment.moderated_by == moderator
    assert LogEntry.objects.filter(user=moderator).count() == 3


def test_approving_shows_the_comment_on_the_article_at_once(moderator_client, reader, article):
    comment = make_comment(article, body="Held, then allowed.", status="pending")
    reader_page = reader.get(article.get_absolute_url()).content.decode()
    assert "Held, then allowed." not in reader_page
    moderator_client.post(QUEUE, {"action": "approve", "_selected_action": [comment.pk]})
    assert "Held, then allowed." in reader.get(article.get_absolute_url()).content.decode()


def test_removing_hides_the_comment_at_once(moderator_client, reader, article):
    comment = make_comment(article, body="Soon gone.")
    assert "Soon gone." in reader.get(article.get_absolute_url()).content.decode()
    moderator_client.post(QUEUE + "?status=all", {"action": "remove", "_selected_action": [comment.pk]})
    assert "Soon gone." not in reader.get(article.get_absolute_url()).content.decode()


def test_change_page_shows_the_full_comment_and_its_reasons(moderator_client, article):
    comment = make_comment(article, body="Full text " * 30, status="pending", reasons=["First comment from this email address."])
    html = moderator_client.get(reverse("admin:comments_comment_change", args=[comment.pk])).content.decode()
    assert ("Full text " * 30).strip() in html
    assert "First comment from this email address." in html


def test_status_change_on_the_change_page_is_recorded(moderator_client, moderator, article):
    comment = make_comment(article, status="pending")
    response = moderator_client.post(
        reverse("admin:comments_comment_change", args=[comment.pk]), {"status": "approved"}
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert (comment.status, comment.moderated_by) == ("approved", moderator)


def test_admin_index_shows_how_many_comments_wait(moderator_client, article):
    make_comment(article, status="pending")
    make_comment(article, status="pending")
    html = moderator_client.get(reverse("admin:index")).content.decode()
    assert "<strong>2</strong> comments waiting for moderation" in html


def test_editors_see_comment_counts_but_cannot_moderate(client, editor, article):
    make_comment(article)
    make_comment(article, status="pending")
    client.force_login(editor)
    listing = client.get(reverse("admin:articles_article_changelist")).content.decode()
    assert "1 shown" in listing and "1 waiting" in listing
    change = client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert "1 waiting" in change
    assert client.get(QUEUE).status_code == 403


def test_moderators_can_do_nothing_but_moderate(moderator_client, article):
    assert moderator_client.get(reverse("admin:articles_article_add")).status_code == 403
    assert moderator_client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert moderator_client.get(reverse("admin:comments_comment_add")).status_code == 403


def test_trying_a_word_list_shows_matches_and_saves_nothing(moderator_client, article):
    make_comment(article, body="The press loved it.")
    make_comment(article, body="Built with WordPress.")
    response = moderator_client.post(
        reverse("admin:comments_wordlist_add"), {"kind": "hold", "words": "press", "_try": "Try"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "1 would match" in html
    assert "The press loved it." in html
    assert "Built with WordPress." not in html
    assert WordList.objects.count() == 0


def test_saving_a_word_list(moderator_client):
    response = moderator_client.post(
        reverse("admin:comments_wordlist_add"), {"kind": "block", "words": "cheap pills", "_save": "Save"}
    )
    assert response.status_code == 302
    assert WordList.objects.get().entries() == ["cheap pills"]


def test_readers_cannot_reach_the_queue(client):
    client.force_login(make_user())
    response = client.get(QUEUE)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
