import pytest

from comments.models import Comment
from comments.moderation import find_listed, words_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "entries", "found"),
    [
        ("The press was there.", ["press"], ["press"]),
        ("I use WordPress daily.", ["press"], []),
        ("Pressing matters.", ["press"], []),
        ("PRESS release", ["press"], ["press"]),
        ("ＰＲＥＳＳ in full width", ["press"], ["press"]),
        ("Straße and STRASSE", ["strasse"], ["strasse"]),
        ("a casino\nbonus today", ["casino bonus"], ["casino bonus"]),
        ("casino, and a bonus", ["casino bonus"], []),
        ("nothing here", [], []),
        ("", ["press"], []),
    ],
)
def test_word_lists_match_whole_words_after_folding(text, entries, found):
    assert find_listed(text, entries) == found


def test_words_are_normalised_to_nfkc_and_case_folded():
    assert words_of("ﬁne Ｗｏｒｄ") == ["fine", "word"]


def test_word_list_in_the_database_adds_to_the_setting(settings, reader, article):
    from comments.models import Comment, WordList

    from .test_views import known

    WordList.objects.create(kind="hold", words="rumour\n  \nhearsay")
    known()
    reader.post(article, body="Pure hearsay, this.")
    assert Comment.objects.get(article=article).reasons == ["Contains the moderated word “hearsay”."]


def test_shown_html_follows_an_edited_body_and_survives_moderation(article):
    comment = Comment.objects.create(
        article=article, name="Ola", email="ola@example.com", body="First <b>draft</b>"
    )
    assert comment.body_html == "<p>First &lt;b&gt;draft&lt;/b&gt;</p>"
    comment.body = "Second thoughts"
    comment.save()
    comment.approve()
    comment.refresh_from_db()
    assert comment.body_html == "<p>Second thoughts</p>"
