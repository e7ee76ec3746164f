"""
Serve a generated magazine with gunicorn and load it with wrk.

Not a test: figures depend on the machine. Ratios to a trivial page of the
same server are what to compare between runs.
"""

import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

PROJECT = Path(settings.BASE_DIR)
WORK = PROJECT / ".bench"


def parse_wrk(output):
    """Requests per second and the 50th and 99th latency percentiles, in ms."""
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    percentiles = {}
    for name, value, unit in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", output, re.M):
        factor = {"us": 0.001, "ms": 1, "s": 1000}[unit]
        percentiles[name] = float(value) * factor
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return rate, percentiles["50"], percentiles["99"], int(errors.group(1)) if errors else 0


def rss_mb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def children(pid):
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


class Command(BaseCommand):
    help = (
        "Benchmark the site: generate a large magazine, serve it with gunicorn "
        "(DEBUG off), load it with wrk and print requests/s, latency and worker "
        "memory for the main pages, beside a trivial page. Uses SQLite in .bench/ "
        "unless DATABASE_URL is set; Redis when REDIS_URL is set."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=10_000)
        parser.add_argument("--comments", type=int, default=100_000)
        parser.add_argument("--duration", type=int, default=10, help="Seconds per page.")
        parser.add_argument("--connections", type=int, default=16)
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--port", type=int, default=8100)
        parser.add_argument(
            "--fresh", action="store_true", help="Rebuild the benchmark database."
        )

    def handle(self, *args, **options):
        if shutil.which("wrk") is None:
            raise CommandError("wrk is not installed: apt-get install wrk, then run again.")
        self.options = options
        self.env = env = self.environment()
        self.prepare(env, options)
        base = f"http://127.0.0.1:{options['port']}"
        server = self.start_server(env, options["port"])
        try:
            pages = self.pages(base)
            for _, url in pages:
                urllib.request.urlopen(url, timeout=30).read()
            workers = children(server.pid)
            before = {pid: rss_mb(pid) for pid in workers}
            rows = [(name, url, *self.load(url, options)) for name, url in pages]
            after = {pid: rss_mb(pid) for pid in workers}
        finally:
            self.stop(server)
        served = sum(row[2] for row in rows) * options["duration"]
        rows.insert(3, self.nothing_cached(pages[1][1], options))
        self.report(rows, before, after, served, env)
        self.explain(env)

    def nothing_cached(self, article_url, options):
        """The article page from a second server that keeps nothing in the cache."""
        port = options["port"] + 1
        server = self.start_server({**self.env, "MAGPOST_PAGE_CACHE_SECONDS": "0"}, port)
        try:
            url = article_url.replace(f":{options['port']}/", f":{port}/")
            return ("article, nothing cached", url, *self.load(url, options))
        finally:
            self.stop(server)

    def stop(self, server):
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)

    def environment(self):
        WORK.mkdir(exist_ok=True)
        env = {
            **os.environ,
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY")
            or secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "STATIC_ROOT": str(WORK / "static"),
            "MEDIA_ROOT": str(WORK / "media"),
            "COMMENTS_RATE_LIMIT": "0",
        }
        env.setdefault("DATABASE_URL", f"sqlite:///{WORK / 'bench.sqlite3'}")
        if not env.get("REDIS_URL"):
            env["CACHE_DIR"] = str(WORK / "cache")
        return env

    def manage(self, env, *args, capture=False):
        result = subprocess.run(
            [sys.executable, str(PROJECT / "manage.py"), *args],
            env=env,
            cwd=PROJECT,
            check=True,
            text=True,
            capture_output=capture,
        )
        return result.stdout

    def prepare(self, env, options):
        if options["fresh"] and env["DATABASE_URL"].startswith("sqlite"):
            for path in WORK.glob("bench.sqlite3*"):
                path.unlink()
        self.manage(env, "migrate", "--noinput", "-v0")
        count = int(
            self.manage(
                env,
                "shell",
                "-c",
                "from articles.models import Article; print(Article.objects.count())",
                capture=True,
            ).split()[-1]
        )
        if count < options["articles"]:
            self.stdout.write("Generating the magazine…")
            self.manage(
                env,
                "generate_content",
                "--articles", str(options["articles"] - count),
                "--comments", str(options["comments"]),
            )
        self.manage(env, "collectstatic", "--noinput", "-v0")
        shutil.rmtree(WORK / "cache", ignore_errors=True)

    def start_server(self, env, port):
        server = subprocess.Popen(
            [
                sys.executable, "-m", "gunicorn", "magpost.wsgi",
                "--workers", str(self.options["workers"]),
                "--bind", f"127.0.0.1:{port}",
                "--access-logfile", "/dev/null",
                "--error-logfile", str(WORK / "gunicorn.log"),
            ],
            env=env,
            cwd=PROJECT,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=2)
                return server
            except OSError:
                time.sleep(0.3)
        server.kill()
        raise CommandError(f"gunicorn did not start; see {WORK / 'gunicorn.log'}.")

    def pages(self, base):
        """The pages to load, picked from the generated data."""
        code = (
            "import json; from django.db.models import Count, Q; "
            "from articles.models import Article; "
            "a = Article.objects.published().annotate(n=Count('comments', "
            "filter=Q(comments__status='approved'))).order_by('-n').first(); "
            "print(json.dumps([a.get_absolute_url(), a.tags.first().slug, "
            "a.sections.first().heading.split()[0]]))"
        )
        article, tag, word = json.loads(
            self.manage(self.env, "shell", "-c", code, capture=True).strip().splitlines()[-1]
        )
        return [
            ("trivial page (/robots.txt)", f"{base}/robots.txt"),
            ("article, cached", f"{base}{article}"),
            # A query string the page does not use makes the page cache step
            # aside, as a visitor with a pending comment or a message does.
            ("article, past the page cache", f"{base}{article}?ref=benchmark"),
            ("home page", f"{base}/"),
            ("tag page", f"{base}/tags/{tag}/"),
            ("search", f"{base}/search/?q={word}"),
        ]

    def load(self, url, options):
        output = subprocess.run(
            [
                "wrk", "-t2", f"-c{options['connections']}", f"-d{options['duration']}s",
                "--latency", url,
            ],
            check=True,
            text=True,
            capture_output=True,
        ).stdout
        return parse_wrk(output)

    def report(self, rows, before, after, served, env):
        trivial = rows[0][2]
        backend = "PostgreSQL" if env["DATABASE_URL"].startswith("postgres") else "SQLite"
        cache = "Redis" if env.get("REDIS_URL") else "file cache"
        self.stdout.write(
            f"\n{backend} + {cache}, {self.options['workers']} gunicorn workers, "
            f"wrk -c{self.options['connections']} for {self.options['duration']} s a page\n"
        )
        self.stdout.write(
            "| page | requests/s | p50 ms | p99 ms | ratio to trivial | errors |\n"
            "| --- | ---: | ---: | ---: | ---: | ---: |"
        )
        for name, _, rate, p50, p99, errors in rows:
            self.stdout.write(
                f"| {name} | {rate:,.0f} | {p50:.1f} | {p99:.1f} | {rate / trivial:.2f} | {errors} |"
            )
        self.stdout.write(f"\nWorker memory over about {served:,.0f} requests:")
        for pid in before:
            self.stdout.write(
                f"  worker {pid}: {before[pid]:.1f} MB → {after.get(pid, 0):.1f} MB "
                f"({after.get(pid, 0) - before[pid]:+.1f} MB)"
            )

    def explain(self, env):
        self.stdout.write("\nQuery plans of the reader pages' main queries:")
        self.stdout.write(self.manage(env, "explain_pages", capture=True))
