"""Whatever text a file holds, an import either succeeds whole or changes nothing."""

import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from django.core.management import CommandError, call_command
from django.db import transaction

from articles.models import Article, Section, Takeaway

from ..factories import make_user

pytestmark = pytest.mark.django_db

LINES = st.sampled_from(
    [
        "A Title For The Piece", "- THE MAG POST", "- Aug 24", "- Feb 30", "- 10 min read", "",
        "A paragraph that says something, at length, and ends.", "Heading In Title Case",
        "heading in sentence case", "Aspect | Highlights |", "One | Two |", "a | b | c |", "|",
        "From our network :", "Comments", "# Markdown title", "## Section", "### Sub", "<script>alert(1)</script>",
        "\x00", "\ufeff", "\r", "-", "- ", "x" * 300,
    ]
)
documents = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(LINES, st.text(max_size=40)), max_size=30).map("\n".join),
)


@pytest.fixture
def chief(db):
    """One user for every generated example: they share the test's transaction."""
    return make_user("chief", is_staff=True, is_superuser=True)


def rows():
    return (Article.objects.count(), Section.objects.count(), Takeaway.objects.count())


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=documents, markdown=st.booleans())
@example(text="Title\n\nParagraph one.\n", markdown=False)
def test_any_text_imports_whole_or_fails_cleanly(chief, text, markdown):
    before = rows()
    suffix = ".md" if markdown else ".txt"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"export{suffix}"
        path.write_text(text, encoding="utf-8")
        try:
            with transaction.atomic():
                call_command(
                    "import_article", str(path), "--author", "chief", "--replace",
                    stdout=io.StringIO(),
                )
        except CommandError as error:
            assert str(error).strip()
            assert "Traceback" not in str(error)
            assert rows() == before
        else:
            article = Article.objects.order_by("-pk").first()
            assert article.title.strip()
            assert "<script" not in article.lead + "".join(s.body for s in article.sections.all())
