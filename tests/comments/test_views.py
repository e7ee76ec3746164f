import re
from datetime import timedelta

import pytest

from django.core import mail
from django.utils import timezone

from comments.models import Comment

from ..factories import make_article, make_comment
from .conftest import Reader

pytestmark = pytest.mark.django_db


def known(email="ada@example.com", article=None):
    """Make `email` a commenter with an approved comment already."""
    return make_comment(article or make_article(), email=email, body="An earlier word.")


def test_article_page_shows_approved_comments_threaded_oldest_first(client, article):
    now = timezone.now()
    first = make_comment(article, name="First", created_at=now - timedelta(hours=3))
    second = make_comment(article, name="Second", created_at=now - timedelta(hours=2))
    reply = make_comment(article, name="Replier", parent=first, created_at=now - timedelta(hours=1))
    make_comment(article, name="Held back", status="pending")
    make_comment(article, name="Spammer", status="spam")
    make_comment(article, name="Taken down", status="removed")

    html = client.get(article.get_absolute_url()).content.decode()

    assert "3 comments" in html
    assert html.index(">First<") < html.index(">Replier<") < html.index(">Second<")
    replies = html[html.index(f'id="comment-{first.pk}"'):html.index(f'id="comment-{second.pk}"')]
    assert 'class="comment-replies"' in replies and f'id="comment-{reply.pk}"' in replies
    for hidden in ["Held back", "Spammer", "Taken down"]:
        assert hidden not in html
    assert first.email not in html
    assert f'<time datetime="{first.created_at.isoformat()}"' in html


def test_comment_body_is_escaped_with_line_breaks_and_safe_links(client, article):
    make_comment(
        article,
        body="<script>alert(1)</script>\n<img src=x onerror=alert(2)>\nSee https://example.com/page too",
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<br>" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert '<a href="https://example.com/page" rel="nofollow ugc noopener">https://example.com/page</a>' in html


def test_comment_form_has_the_expected_fields(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    form = html[html.index('<form id="comment-form"'):]
    form = form[: form.index("</form>")]
    for name in ["name", "email", "body", "parent", "website", "timestamp", "csrfmiddlewaretoken"]:
        assert f'name="{name}"' in form
    for name in ["name", "email", "body"]:
        assert f'<label for="id_{name}"' in form


def test_first_comment_is_held_and_its_poster_sees_it_awaiting_moderation(reader, article):
    response = reader.post(article, body="First time here, great read.")

    assert response.status_code == 302
    assert response["Location"] == f"{article.get_absolute_url()}#comments"
    comment = Comment.objects.get()
    assert comment.status == "pending"
    assert comment.reasons == ["First comment from this email address."]

    page = reader.open(article).content.decode()
    assert "awaiting moderation" in page
    assert "First time here, great read." in page
    # Nobody else sees it.
    other = Reader(address="198.51.100.1").open(article).content.decode()
    assert "First time here, great read." not in other
    assert "awaiting moderation" not in other


def test_known_commenter_is_approved_at_once(reader, article):
    known("ada@example.com")
    response = reader.post(article, email="ADA@example.com ", body="Back again with a thought.")
    comment = Comment.objects.get(article=article)
    assert comment.status == "approved"
    assert response["Location"] == f"{article.get_absolute_url()}#comment-{comment.pk}"
    assert "Back again with a thought." in reader.open(article).content.decode()


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("See https://a.example http://b.example and www.c.example", "Contains 3 links."),
        ("The press got this wrong.", "Contains the moderated word “press”."),
        ("The PRESS got this wrong.", "Contains the moderated word “press”."),
    ],
)
def test_rules_hold_a_known_commenters_comment(reader, article, body, reason):
    known()
    reader.post(article, body=body)
    comment = Comment.objects.get(article=article)
    assert comment.status == "pending"
    assert comment.reasons == [reason]


@pytest.mark.parametrize(
    "body",
    ["I moved my blog off WordPress last year.", "Two links: https://a.example and https://b.example"],
)
def test_innocent_comments_from_known_commenters_are_not_held(reader, article, body):
    known()
    reader.post(article, body=body)
    assert Comment.objects.get(article=article).status == "approved"


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"website": "https://spam.example"}, "The hidden honeypot field was filled in."),
        ({"seconds_ago": 1}, "Sent 1.0 s after the form was shown."),
        ({"timestamp": "1700000000"}, "The form's timestamp is missing or forged."),
        ({"timestamp": ""}, "The form's timestamp is missing or forged."),
        ({"body": "Cheap VIAGRA here"}, "Contains the blocked word “viagra”."),
        ({"body": "Cheap ｖｉａｇｒａ here"}, "Contains the blocked word “viagra”."),
        ({"body": "Best Casino   Bonus ever"}, "Contains the blocked word “casino bonus”."),
    ],
)
def test_spam_rules_mark_the_comment_as_spam(reader, article, fields, reason):
    known()
    response = reader.post(article, **fields)
    comment = Comment.objects.get(article=article)
    assert comment.status == "spam"
    assert comment.reasons[0].split(" after")[0] == reason.split(" after")[0]
    # The sender is not told it was taken for spam, and nobody sees it.
    assert response.status_code == 302
    assert comment.body not in Reader(address="198.51.100.9").open(article).content.decode()


def test_too_fast_is_measured_from_the_signed_timestamp(reader, article):
    """The real form's own timestamp, sent back at once, is too fast."""
    known()
    page = reader.open(article).content.decode()
    timestamp = re.search(r'name="timestamp" value="([^"]+)"', page).group(1)
    reader.post(article, timestamp=timestamp)
    assert Comment.objects.get(article=article).status == "spam"


def test_without_csrf_token_the_post_is_refused(article):
    client = Reader().client
    response = client.post(
        f"{article.get_absolute_url()}comments/",
        {"name": "Bot", "email": "bot@example.com", "body": "Hello there"},
    )
    assert response.status_code == 403
    assert Comment.objects.count() == 0


def test_forged_csrf_token_is_refused(reader, article):
    response = reader.post(article, csrfmiddlewaretoken="x" * 64)
    assert response.status_code == 403
    assert Comment.objects.count() == 0


def test_flood_control_answers_429_past_the_limit(reader, article, settings):
    settings.COMMENTS_RATE_LIMIT = "2/600"
    assert reader.post(article, body="One").status_code == 302
    assert reader.post(article, body="Two").status_code == 302
    response = reader.post(article, body="Three")
    assert response.status_code == 429
    assert "Please slow down" in response.content.decode()
    assert Comment.objects.count() == 2
    # Another address is not affected.
    assert Reader(address="198.51.100.2").post(article, body="Four").status_code == 302


def test_flood_control_reads_the_client_address_from_the_configured_header(article, settings):
    settings.COMMENTS_RATE_LIMIT = "1/600"
    settings.MAGPOST_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    first, second = Reader(address="10.0.0.1"), Reader(address="10.0.0.1")
    first.client.defaults["HTTP_X_FORWARDED_FOR"] = "1.2.3.4, 203.0.113.10"
    second.client.defaults["HTTP_X_FORWARDED_FOR"] = "1.2.3.4, 203.0.113.11"
    assert first.post(article, body="One").status_code == 302
    assert second.post(article, body="Two").status_code == 302
    assert first.post(article, body="Three").status_code == 429


def test_flood_control_can_be_turned_off(reader, article, settings):
    settings.COMMENTS_RATE_LIMIT = "0"
    for n in range(8):
        assert reader.post(article, body=f"Comment {n}").status_code == 302
    assert Comment.objects.count() == 8


def test_same_body_from_same_email_is_stored_once(reader, article):
    known()
    first = reader.post(article, body="Exactly this.")
    again = reader.post(article, body="Exactly   this. ")
    assert Comment.objects.filter(article=article).count() == 1
    assert first["Location"] == again["Location"]


def test_reply_to_an_approved_comment_nests_under_it(reader, article):
    known()
    parent = make_comment(article, name="Original")
    reader.post(article, body="I agree with you.", parent=str(parent.pk))
    reply = Comment.objects.get(body="I agree with you.")
    assert reply.parent == parent
    assert reply.depth == 1


def test_replies_past_the_deepest_level_join_the_parents_thread(reader, article, settings):
    settings.COMMENTS_MAX_DEPTH = 2
    known()
    top = make_comment(article)
    middle = make_comment(article, parent=top)
    reader.post(article, body="Deeper still.", parent=str(middle.pk))
    reply = Comment.objects.get(body="Deeper still.")
    assert (reply.parent, reply.depth) == (top, 1)


@pytest.mark.parametrize("kind", ["other article", "pending", "spam", "not a number", "missing"])
def test_reply_to_a_comment_that_cannot_be_answered_is_refused(reader, article, kind):
    parent = {
        "other article": lambda: str(make_comment(make_article()).pk),
        "pending": lambda: str(make_comment(article, status="pending").pk),
        "spam": lambda: str(make_comment(article, status="spam").pk),
        "not a number": lambda: "12abc",
        "missing": lambda: "999999",
    }[kind]()
    before = Comment.objects.count()
    response = reader.post(article, body="Answering.", parent=parent)
    assert response.status_code == 400
    assert Comment.objects.count() == before
    html = response.content.decode()
    assert "The comment you are replying to is not open for replies." in html
    assert "Answering." in html  # what was typed is kept


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"name": ""}, "This field is required."),
        ({"name": "n" * 81}, "Keep your name to 80 characters."),
        ({"email": "not-an-email"}, "Enter a valid email address."),
        ({"email": "a" * 250 + "@example.com"}, "at most 254 characters"),
        ({"body": "x"}, "Write at least two characters."),
        ({"body": "  x  "}, "Write at least two characters."),
        ({"body": "b" * 5001}, "Keep your comment to 5000 characters."),
        ({"body": "nul \x00 inside"}, "Null characters are not allowed."),
        ({"body": "bell \x07 inside"}, "Remove the invisible control characters"),
        ({"name": "Ada\x1b[31m"}, "Remove the invisible control characters"),
    ],
)
def test_invalid_fields_are_refused_beside_the_field_and_nothing_is_stored(reader, article, fields, error):
    response = reader.post(article, **fields)
    assert response.status_code == 400
    html = response.content.decode()
    assert error in html
    assert Comment.objects.count() == 0
    assert 'id="comment-form"' in html
    if "email" in fields and "@" in fields["email"] or "email" not in fields:
        assert "ada@example.com" in html or "@example.com" in html


def test_typed_values_are_kept_after_an_error(reader, article):
    response = reader.post(article, name="Grace", email="grace@example", body="My thoughts exactly.")
    html = response.content.decode()
    assert 'value="Grace"' in html
    assert 'value="grace@example"' in html
    assert "My thoughts exactly.</textarea>" in html


def test_closed_article_shows_no_form_and_refuses_posts(reader):
    article = make_article(comments_open=False)
    page = reader.open(article).content.decode()
    assert 'id="comment-form"' not in page
    assert "Comments are closed" in page
    # The page has no form, so take a CSRF cookie from another article.
    client = reader.client
    client.get(make_article().get_absolute_url())
    response = client.post(
        f"{article.get_absolute_url()}comments/",
        {"csrfmiddlewaretoken": client.cookies["csrftoken"].value, "name": "A", "email": "a@example.com", "body": "Hello"},
    )
    assert response.status_code == 403
    assert "Comments are closed" in response.content.decode()
    assert Comment.objects.count() == 0


def test_comments_close_automatically_after_the_configured_age(reader, settings):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 30
    old = make_article(published_at=timezone.now() - timedelta(days=31))
    recent = make_article(published_at=timezone.now() - timedelta(days=29))
    assert 'id="comment-form"' not in reader.open(old).content.decode()
    assert 'id="comment-form"' in reader.open(recent).content.decode()


def test_comments_on_a_draft_answer_404(reader):
    draft = make_article(status="draft", published_at=None)
    client = reader.client
    client.get("/")
    response = client.post(f"{draft.get_absolute_url()}comments/", {"csrfmiddlewaretoken": "x"})
    assert response.status_code in (403, 404)
    assert Comment.objects.count() == 0


def test_get_on_the_comment_address_is_not_allowed(client, article):
    assert client.get(f"{article.get_absolute_url()}comments/").status_code == 405


def test_moderators_are_emailed_once_when_a_comment_waits(reader, article, django_capture_on_commit_callbacks):
    from ..factories import make_user

    make_user("mod", is_staff=True, groups=["Moderators"])
    with django_capture_on_commit_callbacks(execute=True):
        reader.post(article, body="Please look at this.")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["mod@example.com"]
    assert "Please look at this." in mail.outbox[0].body
    assert "First comment from this email address." in mail.outbox[0].body

    Comment.objects.get().notify_moderators()
    assert len(mail.outbox) == 1


def test_reply_link_fills_parent_without_javascript(client, article):
    comment = make_comment(article)
    html = client.get(article.get_absolute_url(), {"reply_to": comment.pk}).content.decode()
    assert f'name="parent" value="{comment.pk}"' in html
    assert f'href="?reply_to={comment.pk}#comment-form"' in html


@pytest.mark.parametrize("wanted", ["²", "x", "-3", "99999999999999999999999"])
def test_a_reply_link_to_no_approved_comment_gives_a_blank_form(client, article, wanted):
    make_comment(article)
    response = client.get(article.get_absolute_url(), {"reply_to": wanted})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<input type="hidden" name="parent" id="id_parent">' in html


@pytest.mark.parametrize("count", [20, 200])
def test_article_page_query_budget_with_many_comments(client, article, django_assert_max_num_queries, count):
    comments = [make_comment(article) for _ in range(count // 2)]
    for parent in comments:
        make_comment(article, parent=parent)
    with django_assert_max_num_queries(8):
        response = client.get(article.get_absolute_url())
    assert f"{count} comments" in response.content.decode()
