"""Hero images: only real images get in, under clean names, served safely."""

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article

from ..factories import image_file
from .test_admin import article_form

pytestmark = pytest.mark.django_db


def png_header(width, height):
    """A PNG that claims to be `width` × `height`, as a decompression bomb does."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def truncated_jpeg():
    whole = image_file(size=(800, 600)).read()
    return whole[: len(whole) // 2]


def upload(client, editor, file):
    return client.post(
        reverse("admin:articles_article_add"),
        article_form(editor, hero_image=file, hero_alt="A picture"),
    )


def stored_files(settings):
    root = Path(settings.MEDIA_ROOT)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("page.jpg", b"<html><script>alert(1)</script></html>", "not a complete image"),
        ("run.png", b"#!/bin/sh\nrm -rf /\n", "not a complete image"),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "not a complete image"),
        ("vector.png", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', "not a complete image"),
        ("half.jpg", truncated_jpeg(), "not a complete image"),
        ("bomb.png", png_header(30000, 30000), "not a complete image"),
        ("big.png", png_header(8000, 6000), "images may have at most 40 million pixels"),
        ("empty.jpg", b"", "The submitted file is empty."),
    ],
)
def test_files_that_are_not_acceptable_images_are_refused(editor_client, editor, settings, name, content, message):
    response = upload(editor_client, editor, SimpleUploadedFile(name, content, "image/jpeg"))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Article.objects.count() == 0
    assert stored_files(settings) == []


def test_files_over_the_size_limit_are_refused(editor_client, editor, settings):
    settings.MAGPOST_UPLOAD_MAX_BYTES = 10_000
    response = upload(editor_client, editor, image_file(size=(1600, 900)))
    assert "images may be at most 9.8\xa0KB" in response.content.decode()
    assert stored_files(settings) == []


def test_a_real_image_is_stored_under_a_clean_unique_name(editor_client, editor, settings):
    response = upload(editor_client, editor, image_file(name="../../My Holiday <Photo>.JPEG"))
    assert response.status_code == 302
    name = Article.objects.get().hero_image.name
    assert name.startswith("heroes/")
    assert Path(name).name.startswith("my-holiday-photo-")
    assert name.endswith(".jpg")
    assert ".." not in name


def test_the_extension_follows_the_real_format(editor_client, editor):
    upload(editor_client, editor, image_file(name="really-a-png.jpg", format="PNG"))
    assert Article.objects.get().hero_image.name.endswith(".png")


def test_uploads_with_the_same_name_never_overwrite_each_other(editor_client, editor):
    upload(editor_client, editor, image_file(name="same.jpg", color="red"))
    editor_client.post(
        reverse("admin:articles_article_add"),
        article_form(editor, slug="second", hero_image=image_file(name="same.jpg", color="blue"), hero_alt="Blue"),
    )
    first, second = (a.hero_image for a in Article.objects.order_by("pk"))
    assert first.name != second.name
    assert Image.open(first.path).getpixel((0, 0))[0] > 200  # still red


def test_media_is_served_as_an_image_with_nosniff(client, article):
    article.hero_image = image_file(format="PNG", name="hero.png")
    article.hero_alt = "A square"
    article.save()
    response = client.get(article.hero_image.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


@pytest.mark.parametrize("name", ["page.html", "script.js", "image.svg", "notes.txt"])
def test_media_that_is_not_an_image_is_never_served(client, settings, name):
    path = Path(settings.MEDIA_ROOT) / "heroes" / name
    path.parent.mkdir(parents=True)
    path.write_text("<script>alert(1)</script>")
    assert client.get(f"/media/heroes/{name}").status_code == 404


def test_media_paths_cannot_leave_the_media_folder(client):
    assert client.get("/media/../magpost/settings.py").status_code == 404
    assert client.get("/media/%2e%2e/manage.py").status_code == 404
