"""Checks and names for images that editors upload."""

import secrets
import warnings

from PIL import Image

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.text import slugify

EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif"}
NOT_AN_IMAGE = (
    "This file is not a complete image in one of these formats: JPEG, PNG, "
    "WebP, GIF."
)


class ImageUploadField(forms.ImageField):
    """The admin's image field, with the same words as the model's checks."""

    default_error_messages = {"invalid_image": NOT_AN_IMAGE}


def validate_image_upload(upload):
    """Refuse anything but a whole, real image of an allowed format and size."""
    if getattr(upload, "_committed", False):
        return  # Stored already, so checked when it was uploaded.
    if upload.size > settings.MAGPOST_UPLOAD_MAX_BYTES:
        raise ValidationError(
            "The file is %(size)s; images may be at most %(limit)s.",
            code="file_too_large",
            params={
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(settings.MAGPOST_UPLOAD_MAX_BYTES),
            },
        )
    formats = settings.MAGPOST_UPLOAD_FORMATS
    try:
        # Pillow warns, then refuses, on images big enough to be a
        # decompression bomb; both count as refusals here.
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            upload.seek(0)
            with Image.open(upload, formats=formats) as image:
                width, height = image.size
                if width * height > settings.MAGPOST_UPLOAD_MAX_PIXELS:
                    raise ValidationError(
                        "The image is %(width)d × %(height)d pixels; images may "
                        "have at most %(limit)s million pixels.",
                        code="too_many_pixels",
                        params={
                            "width": width,
                            "height": height,
                            "limit": settings.MAGPOST_UPLOAD_MAX_PIXELS // 1_000_000,
                        },
                    )
                image.verify()
            # verify() checks structure; decoding finds truncated data.
            upload.seek(0)
            with Image.open(upload, formats=formats) as image:
                image.load()
    except ValidationError:
        raise
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError,
            Image.DecompressionBombWarning) as error:
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image") from error
    finally:
        upload.seek(0)


def clean_name(folder, upload, filename):
    """A safe, unique name with the extension of the image's real format."""
    upload.seek(0)
    with Image.open(upload) as image:
        extension = EXTENSIONS[image.format]
    upload.seek(0)
    stem = slugify(filename.rsplit(".", 1)[0])[:60] or "image"
    return f"{folder}/{timezone.now():%Y/%m}/{stem}-{secrets.token_hex(4)}{extension}"


def hero_upload_to(article, filename):
    return clean_name("heroes", article.hero_image, filename)


def author_photo_upload_to(profile, filename):
    return clean_name("authors", profile.photo, filename)
