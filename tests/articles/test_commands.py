import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from django.core.management import CommandError, call_command

from articles import demo_content
from articles.models import Article, NetworkLink, Section, Takeaway

from ..factories import make_article, make_network_link, make_user
from .test_importer import FIXTURE_SHAPES, FIXTURES

pytestmark = pytest.mark.django_db

PROJECT = Path(__file__).resolve().parents[2]


def run(*args):
    """Run a command; return its output lines."""
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue().splitlines()


def database_rows():
    return [
        model.objects.count() for model in (Article, Section, Takeaway, NetworkLink)
    ]


def structure(html):
    """Sections, subsections and takeaway rows on a rendered article page."""
    body = re.search(r'<div class="article-body">(.*?)</div>', html, re.S).group(1)
    return (
        len(re.findall(r"<h2 id=", body)),
        len(re.findall(r"<h3 id=", body)),
        len(re.findall(r'<tr><th scope="row">', html)),
    )


@pytest.fixture
def superuser(db):
    return make_user("chief", is_staff=True, is_superuser=True)


# import_article --------------------------------------------------------------


def test_seed_imports_with_its_exact_structure(client, superuser, seed_path):
    """The seed renders 6 h2 sections, 11 h3 subsections and 6 table rows."""
    path = run("import_article", str(seed_path), "--publish")[-1]
    response = client.get(path)
    assert response.status_code == 200
    assert structure(response.content.decode()) == (6, 11, 6)


@pytest.mark.parametrize(
    "name, sections, subsections, rows, lead, network", FIXTURE_SHAPES
)
def test_fixture_exports_import_with_their_exact_structure(
    client, superuser, name, sections, subsections, rows, lead, network
):
    """Each fixture's draft, previewed by staff, shows its own structure."""
    path = run("import_article", str(FIXTURES / name))[-1]
    assert client.get(path).status_code == 404
    client.force_login(superuser)
    html = client.get(path).content.decode()
    assert "Preview: this article is a draft" in html
    assert structure(html) == (sections, subsections, rows)
    assert html.count('<div class="lead"><p>') == 1


def test_import_prints_a_summary_and_the_address_last(superuser):
    """The last line printed is the article's URL path."""
    lines = run("import_article", str(FIXTURES / "lighthouse-keepers.txt"))
    article = Article.objects.get()
    assert lines[0] == (
        "Imported “The Last Lighthouse Keepers and the Lamps They Tended” (draft): "
        "3 sections, 6 subsections, 4 key takeaways, 0 network links pinned."
    )
    assert (
        lines[-1]
        == article.get_absolute_url()
        == ("/articles/the-last-lighthouse-keepers-and-the-lamps-they-tended/")
    )
    assert article.author == superuser


def test_seed_pins_no_links_when_none_exist_and_lists_them_all(superuser, seed_path):
    """With no network links, every title is reported as left out."""
    lines = run("import_article", str(seed_path))
    article = Article.objects.get()
    assert article.pinned_links.count() == 0
    left_out = [line for line in lines if line.startswith("  - ")]
    assert len(left_out) == 5
    assert left_out[0].startswith("  - Troubleshooting Bash Array Looping")


def test_seed_pins_the_links_that_exist_and_lists_the_rest(superuser, seed_path):
    """Titles matching links (in any case) are pinned; the others reported."""
    python = make_network_link(
        title="python data structures: lists, tuples, dictionaries, and sets"
    )
    cosmos = make_network_link(
        title="Exploring the Cosmos: NASA’s Explorers Program and the Quest for "
        "Cosmic Mysteries"
    )
    lines = run("import_article", str(seed_path), "--author", superuser.username)
    assert set(Article.objects.get().pinned_links.all()) == {python, cosmos}
    assert "2 network links pinned." in lines[0]
    assert sum(line.startswith("  - ") for line in lines) == 3
    assert not any("Python Data Structures" in line for line in lines)


def test_publish_uses_the_export_date(client, superuser):
    """--publish makes the article public, dated as in the file."""
    path = run("import_article", str(FIXTURES / "lighthouse-keepers.txt"), "--publish")[
        -1
    ]
    article = Article.objects.get()
    assert article.is_published() is True
    assert article.published_at.date().isoformat() == "2024-02-14"
    assert client.get(path).status_code == 200


def test_markdown_import_escapes_html_from_the_file(client, superuser, tmp_path):
    """HTML in the source reaches the page as text, never as markup."""
    source = tmp_path / "unsafe.md"
    source.write_text(
        "# A Note on Safety\n\n<script>alert(1)</script> is *just* text.\n\n"
        "## One Section\n\nWith <b>tags</b> and [a link](https://safe.example/).\n",
        encoding="utf-8",
    )
    path = run("import_article", str(source), "--publish")[-1]
    html = client.get(path).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; is <em>just</em> text." in html
    assert "&lt;b&gt;tags&lt;/b&gt;" in html
    assert (
        '<a href="https://safe.example/" rel="noopener noreferrer">a link</a>' in html
    )


def test_format_option_overrides_the_extension(superuser, tmp_path):
    """--format markdown reads a .txt file as Markdown."""
    source = tmp_path / "notes.txt"
    source.write_text("# Notes Title\n\n## Part One\n\nSome text.\n", encoding="utf-8")
    run("import_article", str(source), "--format", "markdown")
    assert Article.objects.get().title == "Notes Title"


def test_existing_slug_fails_unless_replace(superuser):
    """A second import of the same title fails cleanly; --replace updates it."""
    path = str(FIXTURES / "repair-cafe.txt")
    run("import_article", path)
    article = Article.objects.get()
    before = database_rows()

    with pytest.raises(CommandError, match="already exists .*Add --replace"):
        run("import_article", path, "--publish")
    assert database_rows() == before
    assert Article.objects.get().status == Article.Status.DRAFT

    lines = run("import_article", path, "--replace", "--publish")
    assert lines[0].startswith("Replaced “Fixing bikes together")
    assert Article.objects.get().pk == article.pk
    assert database_rows() == before
    assert Article.objects.get().is_published() is True


def test_replace_keeps_the_author_unless_one_is_given(superuser):
    """Without --author, a replaced article keeps whoever wrote it."""
    writer = make_user("writer")
    path = str(FIXTURES / "repair-cafe.txt")
    run("import_article", path, "--author", "writer")
    run("import_article", path, "--replace")
    assert Article.objects.get().author == writer
    run("import_article", path, "--replace", "--author", "chief")
    assert Article.objects.get().author == superuser


@pytest.mark.parametrize(
    "content, message",
    [
        (b"Caf\xe9 society\nA paragraph.\n", "is not UTF-8 text"),
        (b"", "The file is empty"),
        (b"\r\n\r\n", "The file is empty"),
        (b"- Aug 24\nA paragraph with no title above it.\n", "no title"),
        (b"Title\nA | B |\none | two | three |\n", "needs two columns"),
        (b"Title\nA paragraph with a \x00 in it.\n", "control character"),
    ],
)
def test_bad_files_fail_cleanly_and_change_nothing(
    superuser, tmp_path, content, message
):
    """A bad file raises a CommandError with a reason; the database is unchanged."""
    make_article()
    before = database_rows()
    source = tmp_path / "bad.txt"
    source.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        run("import_article", str(source))
    assert database_rows() == before


def test_missing_file_fails_cleanly_and_changes_nothing(superuser, tmp_path):
    """A path with no file behind it is reported, not a traceback."""
    before = database_rows()
    with pytest.raises(CommandError, match="Cannot read .*No such file"):
        run("import_article", str(tmp_path / "nowhere.txt"))
    assert database_rows() == before


def test_unknown_author_fails_cleanly_and_changes_nothing(superuser):
    """--author must name an existing user."""
    before = database_rows()
    with pytest.raises(CommandError, match="There is no user “nobody”"):
        run("import_article", str(FIXTURES / "salt-marsh.txt"), "--author", "nobody")
    assert database_rows() == before


@pytest.mark.parametrize("superusers", [0, 2])
def test_author_is_required_unless_there_is_one_superuser(superusers):
    """With no --author, the site's only superuser writes; otherwise ask."""
    for number in range(superusers):
        make_user(f"boss{number}", is_superuser=True)
    with pytest.raises(CommandError, match="--author USERNAME"):
        run("import_article", str(FIXTURES / "salt-marsh.txt"))
    assert Article.objects.count() == 0


def test_failed_import_exits_with_status_1_and_no_traceback(tmp_path):
    """Run as a program, a bad file gives a one-line error and exit status 1."""
    source = tmp_path / "bad.txt"
    source.write_bytes(b"\xff\xfe not text")
    result = subprocess.run(
        [sys.executable, "manage.py", "import_article", str(source)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("CommandError: ")
    assert "is not UTF-8 text" in result.stderr


# check_article ---------------------------------------------------------------


def test_check_article_reports_the_seed_and_exits_with_status_1(superuser, seed_path):
    """The seed's findings are printed, with places; the exit status is 1."""
    run("import_article", str(seed_path))
    slug = Article.objects.get().slug
    out = io.StringIO()
    with pytest.raises(
        CommandError, match="1 of 1 article.s. checked have findings"
    ) as error:
        call_command("check_article", slug, stdout=out)
    assert error.value.returncode == 1
    lines = out.getvalue().splitlines()
    assert lines[0] == f"{slug}: 4 finding(s)"
    assert (
        "  lead, paragraph 3: This paragraph repeats lead, paragraph 1 word for word."
        in (" ".join(lines))
    )
    assert any("“putin trump meeting” appears 35 times" in line for line in lines)


def test_check_article_passes_a_clean_article_with_status_0():
    """No findings: a one-line all-clear and no error."""
    article = make_article(meta_description="A short summary for search engines.")
    assert run("check_article", article.slug) == ["1 article(s) checked: no findings."]


def test_check_all_lists_only_articles_with_findings():
    """--all checks drafts too and names only the articles that need work."""
    make_article(slug="clean-one", meta_description="Fine.")
    make_article(slug="draft-one", status=Article.Status.DRAFT, published_at=None)
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 of 2 article"):
        call_command("check_article", "--all", stdout=out)
    assert out.getvalue().splitlines()[0] == "draft-one: 1 finding(s)"
    assert "clean-one" not in out.getvalue()


@pytest.mark.parametrize(
    "args, message",
    [
        (["no-such-slug"], "No article has the slug “no-such-slug”"),
        ([], "Give one article's slug, or --all"),
        (["some-slug", "--all"], "Give one article's slug, or --all"),
    ],
)
def test_check_article_needs_one_existing_slug_or_all(args, message):
    """A wrong or missing slug is a clean error with exit status 1."""
    with pytest.raises(CommandError, match=message) as error:
        run("check_article", *args)
    assert error.value.returncode == 1


# load_demo -------------------------------------------------------------------


def test_demo_articles_are_built_like_imports_and_pass_every_check():
    """load_demo builds through create_from; twice changes nothing."""
    run("load_demo")
    before = database_rows()
    run("load_demo")
    assert database_rows() == before
    assert before[0] == len(demo_content.ARTICLES)
    libraries = Article.objects.get(slug="public-libraries-town-living-room")
    assert libraries.sections.count() == 9
    assert libraries.pinned_links.count() == 3
    assert libraries.is_published() is True
    assert run("check_article", "--all") == ["6 article(s) checked: no findings."]
