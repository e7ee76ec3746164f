"""Real-world XSS payloads, pushed through every place text enters the site.

Each payload is typed where an editor, a reader or a file can put text, and
every page, feed and structured-data block that shows it is then read back:
nothing may come out as live markup.
"""

import html
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest

from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from articles.models import Article, NetworkLink
from comments.models import Comment
from comments.moderation import sign_timestamp

from ..articles.test_admin import article_form, formset
from ..factories import make_user

pytestmark = pytest.mark.django_db

PAYLOADS = [
    line
    for line in (Path(__file__).parent / "xss_payloads.txt").read_text().splitlines()
    if line.strip()
]
DANGEROUS_SCHEMES = ("javascript:", "data:", "vbscript:")
FORBIDDEN_TAGS = {"iframe", "object", "embed", "base", "svg", "math", "style"}


class Audit(HTMLParser):
    """Everything in a page that could run: scripts, handlers, odd URLs."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and not (
            (attributes.get("src") or "").startswith("/static/")
            or attributes.get("type") == "application/ld+json"
        ):
            self.problems.append(f"<script {attrs}>")
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}>")
        if tag == "meta" and "http-equiv" in attributes:
            self.problems.append("<meta http-equiv>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{name}= on <{tag}>")
            if name in {"href", "src", "action", "formaction"} and value:
                squeezed = re.sub(r"[\s\x00-\x1f]", "", html.unescape(value)).lower()
                if squeezed.startswith(DANGEROUS_SCHEMES):
                    self.problems.append(f"{name}={value!r}")


def audit(markup):
    checker = Audit()
    checker.feed(markup)
    checker.close()
    return checker.problems


def json_ld(page):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return [json.loads(block) for block in blocks]


@pytest.fixture
def editor_client(client):
    client.force_login(make_user("chief", is_staff=True, is_superuser=True))
    return client


def plant(editor_client, payload):
    """Put the payload everywhere an editor and a reader can type text."""
    editor_client.post(
        reverse("admin:articles_networklink_add"),
        {"site_name": payload[:80], "title": payload[:200], "url": "https://sister.example/a", "is_active": "on"},
    )
    editor = make_user()
    data = article_form(
        editor,
        title=payload[:200],
        slug="planted",
        lead=f"<p>{payload}</p>{payload}",
        meta_description=payload[:300],
        # Double quotes delimit tags in the tag field, so they become single.
        tags=f'"x {payload[:90].replace(chr(34), chr(39))}", plain',
        note_kind="correction",
        note_text=payload,
        noted_at_0="2026-01-11",
        noted_at_1="10:00:00",
        **formset(
            "sections",
            [{"level": "2", "order": "1", "heading": payload[:200], "body": payload, "anchor": ""}],
        ),
        **formset("takeaways", [{"order": "1", "aspect": payload[:200], "highlight": payload[:500]}]),
    )
    response = editor_client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302, response.content.decode()[:500]
    article = Article.objects.get(slug="planted")
    Comment.objects.create(
        article=article, name=payload[:80], email="reader@example.com", body=payload, status="approved"
    )
    reader = Client()
    reader.get(article.get_absolute_url())
    reader.post(
        f"{article.get_absolute_url()}comments/",
        {"name": payload[:80], "email": "other@example.com", "body": f"{payload} again",
         "timestamp": sign_timestamp(0)},
    )
    return article


@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_payload_reaches_a_reader_as_markup(editor_client, settings, payload):
    settings.MAGPOST_FEED_FULL_TEXT = True
    article = plant(editor_client, payload)
    reader = Client()
    tag = article.tags.exclude(name="plain").first()
    pages = {
        "article": article.get_absolute_url(),
        "home": "/",
        "tag": reverse("articles:tag", args=[tag.slug]) if tag else "/tags/plain/",
        "author": reverse("articles:author", args=[article.author.username]),
        "search": f"/search/?q={payload}",
        "search (word)": "/search/?q=plain",
    }
    for name, url in pages.items():
        response = reader.get(url)
        assert response.status_code == 200, name
        page = response.content.decode()
        assert audit(page) == [], name
        for data in json_ld(page):  # parses, and names the article
            assert isinstance(data, dict)
    article_page = reader.get(article.get_absolute_url()).content.decode()
    headline = json_ld(article_page)[0]["headline"]
    assert headline == Article.objects.get(slug="planted").title

    for feed in ["/feed/", "/feed/atom/", f"{pages['tag'].rstrip('/')}/feed/"]:
        root = ElementTree.fromstring(reader.get(feed).content)
        items = [*root.iter("item"), *root.iter("{http://www.w3.org/2005/Atom}entry")]
        assert items, feed
        for item in items:
            # Feed readers show titles as text and item bodies as HTML.
            for element in item:
                if element.text and element.tag.endswith(("description", "summary", "content")):
                    assert audit(element.text) == [], feed


@pytest.mark.parametrize("payload", PAYLOADS[:12])
def test_no_payload_in_an_imported_file_reaches_a_reader(tmp_path, payload):
    make_user("chief", is_staff=True, is_superuser=True)
    export = tmp_path / "export.txt"
    export.write_text(
        f"Imported {payload}\n- THE MAG POST\n- Mar 3\n\n"
        f"{payload} opens the piece, and it goes on for a while.\n"
        "A Section Heading\n"
        f"The section says {payload} in its body, at some length.\n"
        "Aspect | Highlights |\n"
        f"Risk | {payload.replace('|', '/')} |\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    call_command("import_article", str(export), "--publish", stdout=out)
    path = out.getvalue().strip().splitlines()[-1]
    page = Client().get(path).content.decode()
    assert audit(page) == []
