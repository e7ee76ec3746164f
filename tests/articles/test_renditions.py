import io
from pathlib import Path

import pytest
from PIL import Image

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from articles import renditions

from ..factories import image_file

pytestmark = pytest.mark.django_db


def add_hero(article, upload):
    article.hero_image = upload
    article.hero_alt = "A picture"
    article.save()
    return article


def files(settings):
    root = Path(settings.MEDIA_ROOT, "renditions")
    return sorted(str(path.relative_to(root)) for path in root.rglob("*.jpg"))


def opened(settings, name):
    return Image.open(Path(settings.MEDIA_ROOT, name))


def test_saving_a_hero_makes_its_renditions(article, settings):
    """Every configured width and the 1200×675 crop, as JPEG, named after the source."""
    add_hero(article, image_file("bees.png", size=(1600, 900), format="PNG"))
    stored = Path(article.hero_image.name)  # e.g. heroes/2026/11/bees-1a2b3c4d.png
    stem = f"{stored.parent}/{stored.stem}-png"
    assert files(settings) == [
        f"{stem}-1200w.jpg",
        f"{stem}-1200x675.jpg",
        f"{stem}-1600w.jpg",
        f"{stem}-480w.jpg",
        f"{stem}-800w.jpg",
    ]
    sizes = [(r.width, r.height) for r in article.hero_renditions()]
    assert sizes == [(480, 270), (800, 450), (1200, 675), (1600, 900)]
    for rendition in [*article.hero_renditions(), article.social_image()]:
        with opened(settings, rendition.name) as image:
            assert (image.format, image.size) == (
                "JPEG",
                (rendition.width, rendition.height),
            )


def test_renditions_are_never_wider_than_their_source(article, settings):
    """A narrow image gets the narrower widths and one at its own width."""
    add_hero(article, image_file(size=(1000, 400)))
    assert [(r.width, r.height) for r in article.hero_renditions()] == [
        (480, 192),
        (800, 320),
        (1000, 400),
    ]


def test_social_rendition_is_a_16_by_9_crop(article, settings):
    """The preview image is 1200×675 whatever the source's shape."""
    add_hero(article, image_file(size=(900, 1200)))
    with opened(settings, article.social_image().name) as image:
        assert image.size == (1200, 675)


def test_widths_come_from_the_setting(article, settings):
    """MAGPOST_RENDITION_WIDTHS chooses the srcset widths."""
    settings.MAGPOST_RENDITION_WIDTHS = [300, 600]
    add_hero(article, image_file(size=(1600, 900)))
    assert [r.width for r in article.hero_renditions()] == [300, 600]


def test_renditions_are_made_once(article, settings):
    """Saving again keeps the renditions already made, byte for byte."""
    add_hero(article, image_file(size=(1600, 900)))
    first = {
        name: Path(settings.MEDIA_ROOT, "renditions", name).read_bytes()
        for name in files(settings)
    }
    article.title = "A new title"
    article.save()
    again = {
        name: Path(settings.MEDIA_ROOT, "renditions", name).read_bytes()
        for name in files(settings)
    }
    assert again == first


def test_renditions_are_upright_and_carry_no_exif(article, settings):
    """A camera's orientation is applied, its EXIF (location included) dropped."""
    exif = Image.Exif()
    exif[0x0112] = 6  # rotated a quarter turn
    exif[0x010F] = "Camera maker"
    buffer = io.BytesIO()
    Image.new("RGB", (1600, 900), "teal").save(buffer, "JPEG", exif=exif)
    add_hero(article, SimpleUploadedFile("turned.jpg", buffer.getvalue(), "image/jpeg"))

    article.refresh_from_db()
    assert (article.hero_width, article.hero_height) == (900, 1600)
    widest = article.hero_renditions()[-1]
    assert (widest.width, widest.height) == (900, 1600)
    with opened(settings, widest.name) as image:
        assert image.size == (900, 1600)
        assert dict(image.getexif()) == {}


def test_transparent_images_are_flattened_on_white(article, settings):
    """JPEG has no transparency, so transparent pixels become white."""
    buffer = io.BytesIO()
    Image.new("RGBA", (800, 450), (0, 0, 0, 0)).save(buffer, "PNG")
    add_hero(article, SimpleUploadedFile("clear.png", buffer.getvalue(), "image/png"))
    with opened(settings, article.hero_renditions()[-1].name) as image:
        assert image.mode == "RGB"
        assert image.getpixel((10, 10)) == (255, 255, 255)


def test_article_page_offers_the_renditions_in_srcset(client, article):
    """The hero <img> lists every rendition and keeps the image's width and height."""
    add_hero(article, image_file("bees.jpg", size=(1600, 900)))
    html = client.get(article.get_absolute_url()).content.decode()
    stored = Path(article.hero_image.name)
    base = f"/media/renditions/{stored.parent}/{stored.stem}-jpg"
    srcset = ", ".join(f"{base}-{w}w.jpg {w}w" for w in (480, 800, 1200, 1600))
    assert (
        f'<img src="{base}-1600w.jpg" srcset="{srcset}" '
        'sizes="(min-width: 44rem) 40rem, 100vw" fetchpriority="high" '
        'alt="A picture" width="1600" height="900">'
    ) in html


def test_article_page_does_not_open_images(client, article, monkeypatch):
    """Pages name renditions from stored data: Pillow is never called."""
    add_hero(article, image_file(size=(1600, 900)))

    def refuse(*args, **kwargs):
        raise AssertionError("a page opened an image")

    monkeypatch.setattr(renditions.Image, "open", refuse)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200


def test_make_renditions_command_fills_in_missing_ones(article, settings):
    """make_renditions makes what is missing, e.g. after a change of widths."""
    add_hero(article, image_file(size=(1600, 900)))
    settings.MAGPOST_RENDITION_WIDTHS = [480, 640]
    out = io.StringIO()
    call_command("make_renditions", stdout=out)
    assert Path(settings.MEDIA_ROOT, article.hero_renditions()[1].name).exists() is True
    assert article.hero_renditions()[1].width == 640
    assert out.getvalue() == "Renditions are ready for 1 hero image(s).\n"
