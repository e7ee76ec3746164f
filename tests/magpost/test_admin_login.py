"""Password guessing on the admin login is stopped, and staff can lift it."""

import pytest
from axes.models import AccessAttempt

from django.test import Client
from django.urls import reverse

from ..factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")


def log_in(client, username, password):
    return client.post(LOGIN, {"username": username, "password": password, "next": "/admin/"})


@pytest.fixture
def staff(db):
    return make_user("desk", is_staff=True, groups=["Editors"])


def test_a_right_password_logs_in(client, staff):
    response = log_in(client, "desk", PASSWORD)
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_repeated_failures_lock_the_username_even_for_the_right_password(client, staff, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "desk", "wrong-guess").status_code == 200
    locked = log_in(client, "desk", "wrong-guess")
    assert locked.status_code == 429
    assert "Too many failed sign-ins" in locked.content.decode()

    response = log_in(client, "desk", PASSWORD)
    assert response.status_code == 429
    assert client.get(reverse("admin:index")).status_code == 302  # still logged out


def test_the_lockout_holds_for_another_address_and_another_server(client, staff, settings):
    """Attempts live in the database, so every app server sees them."""
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "desk", "wrong-guess")
    elsewhere = Client(REMOTE_ADDR="198.51.100.20")
    assert log_in(elsewhere, "desk", PASSWORD).status_code == 429


def test_one_address_guessing_many_usernames_is_locked(client, settings):
    for number in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, f"someone{number}", "wrong-guess")
    make_user("fresh", is_staff=True)
    assert log_in(client, "fresh", PASSWORD).status_code == 429


def test_a_successful_login_resets_the_count(client, staff, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, "desk", "wrong-guess")
    assert log_in(client, "desk", PASSWORD).status_code == 302
    client.logout()
    assert log_in(client, "desk", "wrong-guess").status_code == 200


def test_staff_see_and_lift_a_lockout_in_the_admin(client, staff, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "desk", "wrong-guess")
    admin = Client()
    admin.force_login(make_user("chief", is_staff=True, is_superuser=True))
    listing = admin.get(reverse("admin:axes_accessattempt_changelist")).content.decode()
    assert "desk" in listing

    attempt = AccessAttempt.objects.get(username="desk")
    admin.post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "delete_selected", "_selected_action": [attempt.pk], "post": "yes"},
    )
    assert AccessAttempt.objects.count() == 0
    assert log_in(Client(REMOTE_ADDR="198.51.100.30"), "desk", PASSWORD).status_code == 302


def test_demo_passwords_are_printed_only_in_debug(settings, capsys):
    from django.core.management import call_command

    settings.DEBUG = False
    call_command("load_demo")
    output = capsys.readouterr().out
    assert "magpost-demo" not in output
    assert "shown only with DJANGO_DEBUG=1" in output

    settings.DEBUG = True
    call_command("load_demo")
    assert "editor / magpost-demo-2026" in capsys.readouterr().out
