"""Resized copies of hero images, made once with Pillow and kept in storage.

A rendition's name follows from its source's name and its size, so pages
find renditions without opening an image or touching the disk:
`heroes/2026/01/bees.png` at 800 pixels wide is
`renditions/heroes/2026/01/bees-png-800w.jpg`.
"""

import io
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from PIL import Image, ImageOps

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import Storage

# EXIF orientations that turn the picture a quarter: width and height swap.
QUARTER_TURNS = {5, 6, 7, 8}
ORIENTATION = 0x0112


@dataclass(frozen=True)
class Rendition:
    name: str
    width: int
    height: int
    storage: Storage = field(compare=False, repr=False)
    # Cropped to its size from the middle, rather than resized whole.
    crop: bool = False

    @property
    def url(self):
        return self.storage.url(self.name)

    def file_size(self):
        """Bytes on disk, e.g. for a feed enclosure."""
        return self.storage.size(self.name)


def rendition_name(source, size):
    path = PurePosixPath(source)
    kind = path.suffix.lstrip(".").lower() or "image"
    return str(
        PurePosixPath("renditions", path.parent, f"{path.stem}-{kind}-{size}.jpg")
    )


def widths(source_width):
    """The configured widths narrower than the image, and one as wide as it
    (up to the widest configured): no rendition is larger than its source."""
    configured = sorted(settings.MAGPOST_RENDITION_WIDTHS)
    widest = min(source_width, configured[-1])
    return [width for width in configured if width < widest] + [widest]


def responsive(file, width, height):
    """Renditions of `file` (width × height upright), narrowest first."""
    return [
        Rendition(
            rendition_name(file.name, f"{w}w"),
            w,
            max(1, round(height * w / width)),
            file.storage,
        )
        for w in widths(width)
    ]


def social(file):
    """The 16:9 rendition for link previews, structured data and feeds."""
    width, height = settings.MAGPOST_SOCIAL_IMAGE_SIZE
    return Rendition(
        rendition_name(file.name, f"{width}x{height}"),
        width,
        height,
        file.storage,
        crop=True,
    )


def make(file):
    """Make the missing renditions of an image file; return its upright size."""
    with file.open("rb"), Image.open(file) as source:
        width, height = source.size
        if source.getexif().get(ORIENTATION) in QUARTER_TURNS:
            width, height = height, width
        missing = [
            rendition
            for rendition in [*responsive(file, width, height), social(file)]
            if not file.storage.exists(rendition.name)
        ]
        if missing:
            upright = flatten(ImageOps.exif_transpose(source))
            for rendition in missing:
                save(upright, rendition)
    return width, height


def flatten(image):
    """An RGB copy of `image`, transparent parts on white (JPEG has no alpha)."""
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        return background
    return image.convert("RGB")


def save(image, rendition):
    size = (rendition.width, rendition.height)
    if rendition.crop:
        resized = ImageOps.fit(image, size, Image.Resampling.LANCZOS)
    else:
        resized = image.resize(size, Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    # Saved without the source's EXIF: it can hold the camera's location.
    resized.save(
        buffer,
        "JPEG",
        quality=settings.MAGPOST_RENDITION_QUALITY,
        optimize=True,
        progressive=True,
    )
    rendition.storage.save(rendition.name, ContentFile(buffer.getvalue()))
