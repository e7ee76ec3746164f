"""
Generated content for load tests: a magazine of any size, inserted in bulk.

The text is assembled from the words of the demo articles, so pages look and
weigh like real ones. Rows go in with bulk_create, so save() does not run:
everything it would compute (anchors, word counts, the rendered body) is
computed here.
"""

import random
import secrets
from datetime import timedelta

from taggit.models import Tag

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from comments.models import Comment, body_digest, body_html

from . import demo_content, search
from .models import Article, NetworkLink, Section, TaggedArticle, Takeaway
from .richtext import render_body

BATCH = 500
YEARS = 6


def vocabulary():
    words = set()
    for article in demo_content.ARTICLES:
        texts = [*article["lead"]]
        for _, heading, paragraphs in article["sections"]:
            texts += [heading, *paragraphs]
        for text in texts:
            words.update(w.strip(".,;:’“”()").lower() for w in text.split())
    return sorted(w for w in words if w.isalpha() and len(w) > 2)


class Generator:
    """Builds rows in memory and inserts them in batches."""

    def __init__(self, seed=2026, progress=None):
        self.random = random.Random(seed)
        self.words = vocabulary()
        self.progress = progress or (lambda label, done, total: None)
        self.run = secrets.token_hex(3)
        self.now = timezone.now()

    # Text ------------------------------------------------------------------

    def phrase(self, low, high):
        return " ".join(self.random.choices(self.words, k=self.random.randint(low, high)))

    def sentence(self):
        return self.phrase(8, 20).capitalize() + "."

    def paragraph(self):
        return " ".join(self.sentence() for _ in range(self.random.randint(3, 6)))

    def html(self, paragraphs):
        return "".join(f"<p>{self.paragraph()}</p>" for _ in range(paragraphs))

    def title(self):
        return self.phrase(4, 9).title()

    # Rows ------------------------------------------------------------------

    def authors(self, count=24):
        User = get_user_model()
        users = [
            User(
                username=f"writer-{self.run}-{n:03d}",
                first_name=self.phrase(1, 1).title(),
                last_name=self.phrase(1, 1).title(),
                password="!",  # An unusable password: these never log in.
            )
            for n in range(count)
        ]
        return User.objects.bulk_create(users)

    def tags(self, count=80):
        names = sorted({self.phrase(1, 2) for _ in range(count * 2)})[:count]
        existing = set(Tag.objects.filter(name__in=names).values_list("name", flat=True))
        Tag.objects.bulk_create(
            [Tag(name=n, slug=slugify(n)) for n in names if n not in existing],
            ignore_conflicts=True,
        )
        return list(Tag.objects.filter(name__in=names))

    def network_links(self, count=20):
        links = [
            NetworkLink(
                site_name=self.phrase(2, 3).title(),
                title=self.title(),
                url=f"https://network-{self.run}.example/{n}",
                created_at=self.now - timedelta(days=n),
            )
            for n in range(count)
        ]
        return NetworkLink.objects.bulk_create(links)

    def article(self, number, author):
        """An article with its sections and takeaways, not yet saved."""
        title = self.title()
        roll = self.random.random()
        if roll < 0.03:
            status, published_at = Article.Status.DRAFT, None
        else:
            status = Article.Status.PUBLISHED
            if roll < 0.05:  # Scheduled for the coming weeks.
                published_at = self.now + timedelta(hours=self.random.randint(1, 900))
            else:
                published_at = self.now - timedelta(
                    minutes=self.random.randint(1, YEARS * 365 * 24 * 60)
                )
        article = Article(
            title=title,
            slug=f"{slugify(title)[:150]}-{self.run}-{number}",
            lead=self.html(self.random.randint(1, 2)),
            author=author,
            status=status,
            published_at=published_at,
            meta_description=self.sentence()[:300],
        )
        sections, anchors = [], set()
        for _ in range(self.random.randint(3, 5)):
            for level in [2] + [3] * self.random.randint(0, 3):
                heading = self.phrase(3, 7).capitalize()
                anchor = slugify(heading)[:70]
                while anchor in anchors:
                    anchor += "-x"
                anchors.add(anchor)
                sections.append(
                    Section(
                        heading=heading,
                        level=level,
                        anchor=anchor,
                        body=self.html(self.random.randint(1, 2)),
                        order=len(sections),
                    )
                )
        takeaways = [
            Takeaway(aspect=self.phrase(1, 3).title(), highlight=self.sentence(), order=n)
            for n in range(self.random.randint(4, 6))
        ]
        document = search.document(
            article.title,
            article.lead,
            [(s.heading, s.body) for s in sections],
            [(t.aspect, t.highlight) for t in takeaways],
        )
        article.word_count = document.word_count()
        article.body_html = render_body(article, sections, takeaways)
        return article, sections, takeaways, document

    def articles(self, count, authors, tags):
        made = 0
        while made < count:
            size = min(BATCH, count - made)
            built = [
                self.article(made + n, self.random.choice(authors)) for n in range(size)
            ]
            with transaction.atomic():
                saved = Article.objects.bulk_create([a for a, *_ in built])
                sections, takeaways, tagged = [], [], []
                for article, parts, rows, _ in built:
                    for part in parts + rows:
                        part.article = article
                    sections += parts
                    takeaways += rows
                    tagged += [
                        TaggedArticle(content_object=article, tag=tag)
                        for tag in self.random.sample(tags, self.random.randint(2, 4))
                    ]
                Section.objects.bulk_create(sections)
                Takeaway.objects.bulk_create(takeaways)
                TaggedArticle.objects.bulk_create(tagged)
                self.index(built)
            made += size
            self.progress("articles", made, count)
            yield from saved

    def index(self, built):
        """Add the batch to the full-text search index, as save() would."""
        documents = {article.pk: document for article, *_, document in built}
        if connection.vendor == "postgresql":
            for pk, doc in documents.items():
                Article.objects.filter(pk=pk).update(
                    search_vector=search.postgres_vector(doc)
                )
        else:
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {search.FTS_TABLE} (rowid, title, summary, body) "
                    "VALUES (%s, %s, %s, %s)",
                    [(pk, d.title, d.summary, d.body) for pk, d in documents.items()],
                )

    def comments(self, count, articles):
        """Comments in every status, a fifth of the approved ones replies."""
        visible = [a for a in articles if a.published_at and a.published_at <= self.now]
        statuses = [
            Comment.Status.APPROVED,
            Comment.Status.PENDING,
            Comment.Status.SPAM,
            Comment.Status.REMOVED,
        ]
        made = 0
        while made < count:
            size = min(BATCH * 4, count - made)
            batch = []
            for n in range(size):
                article = self.random.choice(visible)
                body = f"{self.paragraph()} ({self.run}-{made + n})"
                batch.append(
                    Comment(
                        article=article,
                        name=self.phrase(1, 2).title()[:80],
                        email=f"reader{self.random.randint(1, count // 3 + 1)}@example.com",
                        body=body,
                        body_hash=body_digest(body),
                        body_html=body_html(body),
                        status=self.random.choices(statuses, weights=[75, 12, 9, 4])[0],
                        created_at=article.published_at
                        + timedelta(minutes=self.random.randint(1, 60 * 24 * 30)),
                    )
                )
            with transaction.atomic():
                saved = Comment.objects.bulk_create(batch)
                self.link_replies(saved)
            made += size
            self.progress("comments", made, count)

    def link_replies(self, comments):
        """Make some approved comments replies to earlier ones on their article."""
        earlier = {}
        replies = []
        for comment in sorted(comments, key=lambda c: c.created_at):
            if comment.status != Comment.Status.APPROVED:
                continue
            parent = earlier.get(comment.article_id)
            if parent is not None and self.random.random() < 0.2:
                comment.parent, comment.depth = parent, 1
                replies.append(comment)
            else:
                earlier[comment.article_id] = comment
        Comment.objects.bulk_update(replies, ["parent", "depth"], batch_size=BATCH)

    def generate(self, articles, comments):
        authors = self.authors()
        tags = self.tags()
        self.network_links()
        saved = list(self.articles(articles, authors, tags))
        if comments:
            self.comments(comments, saved)
        return len(saved)
