from pathlib import PurePosixPath

from django.conf import settings
from django.http import Http404
from django.views.static import serve

IMAGE_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".gif": "image/gif",
}


def media(request, path):
    """Uploaded images from MEDIA_ROOT, and nothing else.

    Only image types are served, each with its own content type and a
    sandboxing policy, so that no uploaded file can run as a page here.
    """
    content_type = IMAGE_TYPES.get(PurePosixPath(path).suffix.lower())
    if content_type is None:
        raise Http404("Not an image.")
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Content-Type"] = content_type
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "public, max-age=604800"
    return response
