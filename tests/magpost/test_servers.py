"""Two app servers on one PostgreSQL and one Redis behave as one site."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookies import SimpleCookie
from pathlib import Path

import pytest

from django.db import connection
from django.urls import reverse

from ..articles.test_workflow import change_form
from ..factories import PASSWORD, make_article, make_comment, make_network_link, make_user

PROJECT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not (os.environ.get("DATABASE_URL", "").startswith("postgres") and os.environ.get("REDIS_URL")),
        reason="two app servers need PostgreSQL and Redis: set DATABASE_URL and REDIS_URL",
    ),
]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Browser:
    """Just enough of a browser: cookies kept by hand, redirects not followed."""

    def __init__(self, base):
        self.base, self.cookies = base, {}

    def request(self, path, data=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if data is not None:
            headers["Referer"] = self.base + path
            data = urllib.parse.urlencode(data, doseq=True).encode()
        request = urllib.request.Request(self.base + path, data=data, headers=headers)
        opener = urllib.request.build_opener(NoRedirect)
        try:
            response = opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, response.read().decode()

    def token(self, path):
        status, page = self.request(path)
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("static")
    env = {**os.environ, "DJANGO_DEBUG": "0", "STATIC_ROOT": str(root)}
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=PROJECT, env=env, check=True)
    return root


@pytest.fixture
def servers(static_root):
    """Two gunicorn servers on this test's database and the shared Redis."""
    database = connection.settings_dict
    url = (
        f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST'] or '127.0.0.1'}:"
        f"{database['PORT'] or 5432}/{database['NAME']}"
    )
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "two-servers-" + "k" * 50,
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "STATIC_ROOT": str(static_root),
        "COMMENTS_RATE_LIMIT": "3/600",
        "COMMENTS_MIN_SECONDS": "0",
        "COMMENTS_NOTIFY_MODERATORS": "0",
    }
    processes, bases = [], []
    for _ in range(2):
        port = free_port()
        processes.append(
            subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "magpost.wsgi", "--workers", "1", "--bind", f"127.0.0.1:{port}"],
                cwd=PROJECT, env=env, stderr=subprocess.DEVNULL,
            )
        )
        bases.append(f"http://127.0.0.1:{port}")
    try:
        for base in bases:
            for _ in range(100):
                try:
                    urllib.request.urlopen(base + "/robots.txt", timeout=2)
                    break
                except OSError:
                    time.sleep(0.2)
        yield bases
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=20)


def test_a_change_through_one_server_shows_at_once_through_the_other(servers):
    first, second = (Browser(base) for base in servers)
    make_user("chief", is_staff=True, is_superuser=True)
    article = make_article(title="Before the edit")
    link = make_network_link(title="A sister story")
    comment = make_comment(article, body="Waiting for a moderator", status="pending")
    path = article.get_absolute_url()

    for browser in (first, second):  # both servers cache the page
        assert "Before the edit" in browser.request(path)[1]

    editor = Browser(servers[1])
    token = editor.token(reverse("admin:login"))
    editor.request(reverse("admin:login"), {"csrfmiddlewaretoken": token, "username": "chief", "password": PASSWORD, "next": "/admin/"})

    change = reverse("admin:articles_article_change", args=[article.pk])
    data = change_form(article, title="Edited through the second server")
    data["csrfmiddlewaretoken"] = editor.token(change)
    assert editor.request(change, data)[0] == 302
    assert "Edited through the second server" in first.request(path)[1]

    queue = reverse("admin:comments_comment_changelist")
    editor.request(queue, {"csrfmiddlewaretoken": editor.token(queue), "action": "approve", "_selected_action": [comment.pk]})
    assert "Waiting for a moderator" in first.request(path)[1]

    link_change = reverse("admin:articles_networklink_change", args=[link.pk])
    editor.request(link_change, {
        "csrfmiddlewaretoken": editor.token(link_change), "site_name": "Sister", "title": "A renamed sister story",
        "url": link.url, "is_active": "on",
    })
    assert "A renamed sister story" in first.request(path)[1]


def test_flood_control_counts_posts_across_both_servers(servers):
    article = make_article()
    path = article.get_absolute_url()
    statuses = []
    for number in range(4):
        reader = Browser(servers[number % 2])
        token = reader.token(path)
        statuses.append(
            reader.request(
                f"{path}comments/",
                {"csrfmiddlewaretoken": token, "name": "Flo", "email": "flo@example.com", "body": f"Post {number}"},
            )[0]
        )
    assert statuses == [302, 302, 302, 429]
