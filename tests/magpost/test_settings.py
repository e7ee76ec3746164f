"""The project's configuration, checked the way an operator would use it."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
PRODUCTION_KEY = "k3y-for-tests-" + "x" * 50


def run(*args, **env):
    base = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    return subprocess.run(
        [sys.executable, *args],
        cwd=PROJECT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def setting(expression, **env):
    code = (
        "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', "
        f"'magpost.settings'); django.setup(); from django.conf import settings; "
        f"print({expression})"
    )
    result = run("-c", code, **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_check_deploy_is_clean_in_production():
    result = run(
        "manage.py", "check", "--deploy", "--fail-level", "WARNING",
        DJANGO_DEBUG="0", DJANGO_SECRET_KEY=PRODUCTION_KEY,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_models_and_migrations_agree():
    result = run("manage.py", "makemigrations", "--check", "--dry-run")
    assert result.returncode == 0, result.stdout + result.stderr


def test_serving_with_the_development_key_is_refused_when_debug_is_off():
    result = run("-c", "import magpost.wsgi", DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_serving_with_a_real_key_starts():
    result = run("-c", "import magpost.wsgi", DJANGO_DEBUG="0", DJANGO_SECRET_KEY=PRODUCTION_KEY)
    assert result.returncode == 0, result.stderr


def test_database_url_chooses_postgresql():
    engine = setting(
        "settings.DATABASES['default']['ENGINE'], settings.DATABASES['default']['NAME']",
        DATABASE_URL="postgres://mag:secret@db.internal:5433/magazine",
    )
    assert engine == "django.db.backends.postgresql magazine"


def test_sqlite_is_the_default_database_in_wal_mode():
    options = setting("settings.DATABASES['default']['OPTIONS']")
    assert "'transaction_mode': 'IMMEDIATE'" in options
    assert "journal_mode=WAL" in options


def test_redis_url_chooses_the_redis_cache():
    backend = setting("settings.CACHES['default']['BACKEND']", REDIS_URL="redis://cache:6379/1")
    assert backend == "magpost.cache.PageRedisCache"


def test_without_redis_the_cache_is_shared_by_worker_processes():
    backend = setting("settings.CACHES['default']['BACKEND']")
    assert backend == "magpost.cache.PageFileCache"


@pytest.mark.parametrize(
    ("env", "expected"),
    [({}, "False True"), ({"DJANGO_DEBUG": "1"}, "True False")],
)
def test_debug_is_off_by_default_and_https_is_enforced_then(env, expected):
    assert setting("settings.DEBUG, settings.SECURE_SSL_REDIRECT", **env) == expected


def test_allowed_hosts_come_from_the_environment():
    hosts = setting("settings.ALLOWED_HOSTS", DJANGO_ALLOWED_HOSTS="mag.example, www.mag.example")
    assert hosts == "['mag.example', 'www.mag.example']"


def test_cookies_are_secure_and_same_site_in_production():
    values = setting(
        "settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, "
        "settings.SESSION_COOKIE_HTTPONLY, settings.SESSION_COOKIE_SAMESITE, "
        "settings.CSRF_COOKIE_SAMESITE",
        DJANGO_DEBUG="0",
    )
    assert values == "True True True Lax Lax"


def test_strong_passwords_are_required():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ["short1", "password1234", "123456789012"]:
        with pytest.raises(ValidationError):
            validate_password(weak)
    assert validate_password("plum-kettle-orbit-1987") is None
