"""Playwright driving Debian's Chromium against a live test server."""

import os
from pathlib import Path

import pytest

from django.db import connections

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
MISSING = (
    f"Chromium not found at {CHROMIUM}: apt-get install chromium to run browser tests"
)
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
HERE = Path(__file__).resolve().parent

# Playwright's sync API runs an event loop in the test thread, and Django
# refuses database calls from a thread with a running loop unless told that
# it is safe, which it is here: the loop only waits for the browser.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def in_this_folder(item):
    return HERE in item.path.parents


def pytest_collection_modifyitems(config, items):
    """Mark this folder's tests, so that `-m "not browser"` leaves them out."""
    for item in filter(in_this_folder, items):
        item.add_marker(pytest.mark.browser)


def pytest_runtest_setup(item):
    # Skipped from this one place, before any fixture runs, the folder's
    # tests share one line in the summary.
    if in_this_folder(item) and not CHROMIUM.exists():
        pytest.skip(MISSING)


@pytest.fixture
def browser():
    """Chromium, started for one test.

    Playwright's sync API leaves an event loop marked as running in this
    thread, and while it is, Django gives the thread a second set of database
    connections. Starting the browser after the test database is set up and
    stopping it before it is flushed keeps those steps on Django's own
    connections, where serialised rollback keeps its data; the second set is
    closed while the loop still runs.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            connections.close_all()
            browser.close()


@pytest.fixture
def open_page(browser, live_server):
    """Open pages of the live server in fresh browser contexts of a given size."""
    contexts = []

    def open_page(viewport=DESKTOP):
        context = browser.new_context(viewport=viewport, base_url=live_server.url)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(open_page):
    return open_page()
