from datetime import timedelta

import pytest

from django.core.management import CommandError, call_command
from django.utils import timezone

from comments.models import Comment

from ..factories import make_comment

pytestmark = pytest.mark.django_db


def test_erase_commenter_removes_everything_they_left(article, capsys):
    mine = make_comment(article, email="gone@example.com")
    make_comment(article, email="Gone@Example.com ", status="pending", body="Another")
    reply = make_comment(article, email="stays@example.com", parent=mine)

    call_command("erase_commenter", "GONE@example.com")

    assert not Comment.objects.filter(email="gone@example.com").exists()
    reply.refresh_from_db()
    assert reply.parent is None
    assert "Erased 2 comment(s)" in capsys.readouterr().out


def test_erase_commenter_refuses_a_bad_address(article):
    make_comment(article)
    with pytest.raises(CommandError, match="is not an email address"):
        call_command("erase_commenter", "not-an-address")
    assert Comment.objects.count() == 1


def test_purge_spam_deletes_only_old_spam(article, settings):
    settings.COMMENTS_SPAM_RETENTION_DAYS = 30
    old = timezone.now() - timedelta(days=31)
    make_comment(article, status="spam", created_at=old)
    recent_spam = make_comment(article, status="spam")
    old_approved = make_comment(article, created_at=old)
    call_command("purge_spam")
    assert set(Comment.objects.all()) == {recent_spam, old_approved}


def test_purge_spam_refuses_negative_days():
    with pytest.raises(CommandError):
        call_command("purge_spam", "--days", "-1")
