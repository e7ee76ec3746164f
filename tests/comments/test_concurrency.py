"""Many readers posting at once, through a real server."""

import http.cookiejar
import re
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from comments.models import Comment
from comments.moderation import sign_timestamp

from ..factories import make_article

READERS = 50


def post_twice(base_url, article_path, number):
    """Open the article, then send the same comment twice at once."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base_url + article_path, timeout=60).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": token,
            "name": f"Reader {number}",
            "email": f"reader{number}@example.com",
            "body": f"Comment number {number}, sent twice.",
            "timestamp": sign_timestamp(time.time() - 60),
        }
    ).encode()
    statuses = []
    for _ in range(2):
        request = urllib.request.Request(
            base_url + article_path + "comments/",
            data=data,
            headers={"Referer": base_url + article_path},
        )
        statuses.append(opener.open(request, timeout=60).status)
    return statuses


@pytest.mark.django_db(transaction=True)
def test_concurrent_posts_are_each_stored_exactly_once(live_server, settings):
    settings.COMMENTS_RATE_LIMIT = "0"
    settings.COMMENTS_NOTIFY_MODERATORS = False
    article = make_article()

    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(
            pool.map(
                lambda n: post_twice(live_server.url, article.get_absolute_url(), n),
                range(READERS),
            )
        )

    assert all(statuses == [200, 200] for statuses in results)
    bodies = list(Comment.objects.values_list("body", flat=True))
    assert len(bodies) == READERS
    assert sorted(bodies) == sorted(f"Comment number {n}, sent twice." for n in range(READERS))
