import pytest

from ..factories import make_article

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_reader_pages_break_no_content_security_policy_rule(page, author):
    """The site's own pages need nothing the policy forbids, in a real browser."""
    article = make_article(author=author, tags=["trains"])
    violations = []
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text
        and violations.append(message.text),
    )
    for path in [
        "/",
        article.get_absolute_url(),
        "/tags/trains/",
        f"/authors/{author.username}/",
        "/search/?q=field",
        "/no-such-page/",
    ]:
        page.goto(path)
        page.wait_for_load_state("load")
    # The comment form's reply link runs the site's own script.
    page.goto(article.get_absolute_url())
    page.locator("#comment-form").get_by_label("Comment").fill("Checking the policy.")
    assert violations == []
