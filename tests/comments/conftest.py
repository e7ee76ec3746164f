import re
import time

import pytest

from django.test import Client

from comments.moderation import sign_timestamp


class Reader:
    """A browser that reads an article page and posts its comment form."""

    def __init__(self, address="203.0.113.7"):
        self.client = Client(enforce_csrf_checks=True, REMOTE_ADDR=address)

    def open(self, article, **params):
        return self.client.get(article.get_absolute_url(), params)

    def post(self, article, seconds_ago=60, **fields):
        page = self.open(article).content.decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        data = {
            "csrfmiddlewaretoken": token,
            "name": "Ada Quill",
            "email": "ada@example.com",
            "body": "Lovely piece, thank you.",
            "parent": "",
            "website": "",
            "timestamp": sign_timestamp(time.time() - seconds_ago),
            **fields,
        }
        return self.client.post(f"{article.get_absolute_url()}comments/", data)


@pytest.fixture
def reader(db):
    return Reader()


@pytest.fixture(autouse=True)
def comment_settings(settings):
    settings.COMMENTS_RATE_LIMIT = "100/60"
    settings.COMMENTS_MIN_SECONDS = 3
    settings.COMMENTS_MODERATION_WORDS = ["press"]
    settings.COMMENTS_BLOCK_WORDS = ["viagra", "casino bonus"]
