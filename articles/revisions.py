"""
What changed between two saved revisions of an article.

django-reversion keeps each revision as the article plus its sections,
takeaways and tag links. Here a revision becomes a plain snapshot, and two
snapshots are compared field by field, section by section and row by row.
"""

import difflib
from dataclasses import dataclass, field

from taggit.models import Tag

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .models import Article, NetworkLink, Section, TaggedArticle, Takeaway
from .richtext import plain_text

ARTICLE_FIELDS = [
    ("title", "Title"),
    ("slug", "Slug"),
    ("lead", "Lead"),
    ("status", "Status"),
    ("published_at", "Publication date"),
    ("meta_description", "Meta description"),
    ("hero_alt", "Hero image alt text"),
    ("takeaways_aspect_label", "Takeaways first column"),
    ("takeaways_highlight_label", "Takeaways second column"),
    ("comments_open", "Comments open"),
    ("note_kind", "Note"),
    ("note_text", "Note text"),
]


@dataclass
class Snapshot:
    article: dict
    sections: dict = field(default_factory=dict)  # id -> field dict
    takeaways: dict = field(default_factory=dict)
    tags: set = field(default_factory=set)
    links: set = field(default_factory=set)


@dataclass
class Change:
    label: str
    kind: str  # "added", "removed" or "changed"
    diff: str  # HTML, escaped


def snapshot(revision):
    """The article as one revision stored it."""
    parts = {Article: [], Section: [], Takeaway: [], TaggedArticle: []}
    for version in revision.version_set.all():
        model = version.content_type.model_class()
        if model in parts:
            parts[model].append(version.field_dict)
    article = parts[Article][0]
    tag_ids = [row["tag_id"] for row in parts[TaggedArticle]]
    return Snapshot(
        article=article,
        sections={row["id"]: row for row in parts[Section]},
        takeaways={row["id"]: row for row in parts[Takeaway]},
        tags=set(Tag.objects.filter(pk__in=tag_ids).values_list("name", flat=True)),
        links=set(
            NetworkLink.objects.filter(pk__in=article.get("pinned_links", [])).values_list(
                "title", flat=True
            )
        ),
    )


def word_diff(old, new):
    """Old and new text, word by word, with <del> and <ins> around changes."""
    old_words, new_words = str(old).split(), str(new).split()
    pieces = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(escape(" ".join(old_words[a1:a2])))
            continue
        if a2 > a1:
            pieces.append(f"<del>{escape(' '.join(old_words[a1:a2]))}</del>")
        if b2 > b1:
            pieces.append(f"<ins>{escape(' '.join(new_words[b1:b2]))}</ins>")
    return mark_safe(" ".join(pieces))


def readable(name, value):
    if value is None:
        return ""
    if name in {"lead", "body"}:
        return plain_text(value)
    return value


def compare(old, new):
    """The changes from snapshot `old` to snapshot `new`, in page order."""
    changes = []
    for name, label in ARTICLE_FIELDS:
        before = readable(name, old.article.get(name))
        after = readable(name, new.article.get(name))
        if before != after:
            changes.append(Change(label, "changed", word_diff(before, after)))
    changes += compare_rows(
        old.sections, new.sections, "Section", lambda row: row["heading"],
        ["heading", "level", "body"],
    )
    changes += compare_rows(
        old.takeaways, new.takeaways, "Takeaway", lambda row: row["aspect"],
        ["aspect", "highlight"],
    )
    for label, before, after in [
        ("Tags", old.tags, new.tags),
        ("Pinned links", old.links, new.links),
    ]:
        if before != after:
            changes.append(Change(label, "changed", set_diff(before, after)))
    return changes


def set_diff(before, after):
    removed = [f"<del>{escape(item)}</del>" for item in sorted(before - after)]
    added = [f"<ins>{escape(item)}</ins>" for item in sorted(after - before)]
    return mark_safe(" ".join(removed + added))


def compare_rows(old_rows, new_rows, noun, title, names):
    """Rows (sections, takeaways) matched by id: added, removed or changed."""
    changes = []
    ordered = sorted(
        old_rows.keys() | new_rows.keys(),
        key=lambda pk: (new_rows.get(pk) or old_rows[pk])["order"],
    )
    for pk in ordered:
        before, after = old_rows.get(pk), new_rows.get(pk)
        if before is None:
            text = " ".join(str(readable(n, after[n])) for n in names)
            changes.append(Change(f"{noun} “{title(after)}”", "added", word_diff("", text)))
        elif after is None:
            text = " ".join(str(readable(n, before[n])) for n in names)
            changes.append(Change(f"{noun} “{title(before)}”", "removed", word_diff(text, "")))
        else:
            for name in names:
                a, b = readable(name, before[name]), readable(name, after[name])
                if a != b:
                    label = f"{noun} “{title(after)}”, {name}"
                    changes.append(Change(label, "changed", word_diff(a, b)))
    return changes
