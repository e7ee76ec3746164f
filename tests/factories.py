"""Plain functions that build test data, with overridable defaults."""

import io
import itertools
from datetime import timedelta

from PIL import Image

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from articles.models import Article, NetworkLink, Section, Takeaway

PASSWORD = "correct-horse-battery-staple"
_numbers = itertools.count(1)


def make_user(username=None, groups=(), **fields):
    username = username or f"user{next(_numbers)}"
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.com", password=PASSWORD, **fields
    )
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


def make_article(
    sections=2, subsections=1, takeaways=2, tags=("travel", "science"), **fields
):
    """A published article with sections, subsections, takeaways and tags."""
    number = next(_numbers)
    fields.setdefault("title", f"A field guide to quiet places, part {number}")
    fields.setdefault("slug", f"field-guide-{number}")
    fields.setdefault("lead", "<p>Where the noise stops, attention begins.</p>")
    fields.setdefault("status", Article.Status.PUBLISHED)
    fields.setdefault("published_at", timezone.now() - timedelta(days=1))
    if "author" not in fields:
        fields["author"] = make_user()
    article = Article.objects.create(**fields)
    order = 0
    for s in range(sections):
        order += 1
        Section.objects.create(
            article=article,
            heading=f"Section {s + 1} In Title Case",
            level=2,
            body=f"<p>Body of section {s + 1}, with a few plain words.</p>",
            order=order,
        )
        for u in range(subsections):
            order += 1
            Section.objects.create(
                article=article,
                heading=f"Subsection {s + 1}.{u + 1} in sentence case",
                level=3,
                body=f"<p>Body of subsection {s + 1}.{u + 1}.</p>",
                order=order,
            )
    for t in range(takeaways):
        Takeaway.objects.create(
            article=article, aspect=f"Aspect {t + 1}", highlight=f"Highlight {t + 1}", order=t
        )
    if tags:
        article.tags.add(*tags)
    article.refresh_from_db()
    return article


def make_network_link(**fields):
    number = next(_numbers)
    fields.setdefault("site_name", "The Code Desk")
    fields.setdefault("title", f"Notes from a sister site {number}")
    fields.setdefault("url", f"https://code-desk.example/notes-{number}")
    return NetworkLink.objects.create(**fields)


def image_file(name="hero.jpg", size=(1600, 900), format="JPEG", color="teal"):
    """A real image, encoded by Pillow, ready to upload."""
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format=format)
    content_type = f"image/{format.lower()}"
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


def make_comment(article, **fields):
    from comments.models import Comment

    number = next(_numbers)
    fields.setdefault("name", f"Reader {number}")
    fields.setdefault("email", f"reader{number}@example.com")
    fields.setdefault("body", f"A thoughtful remark, number {number}.")
    fields.setdefault("status", Comment.Status.APPROVED)
    return Comment.objects.create(article=article, **fields)
