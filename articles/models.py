import math
import secrets
from datetime import datetime, time, timedelta
from functools import reduce
from operator import or_

import reversion
from ckeditor.fields import RichTextField
from taggit.managers import TaggableManager
from taggit.models import Tag, TaggedItemBase

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import connections, models, transaction
from django.db.models import (
    Count,
    Exists,
    F,
    Max,
    OuterRef,
    Q,
    Subquery,
)
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.text import slugify

from magpost import pagecache

from . import renditions, search
from .richtext import plain_text, render_body, sanitize
from .uploads import author_photo_upload_to, hero_upload_to, validate_image_upload


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """Articles readers may see: published, and not scheduled for later."""
        return self.filter(
            status=Article.Status.PUBLISHED, published_at__lte=timezone.now()
        )

    def scheduled(self):
        return self.filter(
            status=Article.Status.PUBLISHED, published_at__gt=timezone.now()
        )

    def next_publication(self):
        """When the next scheduled article goes live, or None."""
        return self.scheduled().order_by("published_at").values_list(
            "published_at", flat=True
        ).first()

    def with_next_publication(self):
        """Each row also carries `next_publication`, read in the same query."""
        upcoming = Article.objects.scheduled().order_by("published_at")
        return self.annotate(
            next_publication=Subquery(upcoming.values("published_at")[:1])
        )

    def by_author(self, user):
        """Articles the user wrote, alone or as a co-author."""
        return self.filter(
            Q(author=user) | Q(pk__in=ArticleAuthor.objects.filter(author=user).values("article"))
        )

    def for_list(self):
        """What an article card shows: author and tags, in two queries."""
        return self.select_related("author").prefetch_related("tags")

    def for_search(self):
        """A card, and the sections its search excerpt is cut from."""
        return self.for_list().prefetch_related("sections")

    def for_feed(self):
        """What a feed item carries, the full text included."""
        return self.for_list().prefetch_related("sections", "takeaways")

    def search(self, query):
        """Articles matching every word of `query`, best first, ranked in `rank`.

        PostgreSQL reads the query as a web search (quotes, `or`, `-word`);
        SQLite looks for all of its words. Any text is a valid query.
        """
        query = search.clean_query(query)
        terms = search.query_terms(query)
        if not terms:
            return self.none()
        if connections[self.db].vendor == "postgresql":
            wanted = SearchQuery(
                query, search_type="websearch", config=settings.MAGPOST_SEARCH_CONFIG
            )
            found = self.filter(search_vector=wanted).annotate(
                rank=SearchRank(F("search_vector"), wanted)
            )
        else:
            # FTS5 ranks its own matches fast, but joined to the articles table
            # it is probed row by row; so the best matches are read from the
            # index first, and only those articles are fetched.
            ranked = search.sqlite_ranked(
                connections[self.db], terms, settings.MAGPOST_SEARCH_MAX_RESULTS
            )
            if not ranked:
                return self.none()
            found = self.filter(pk__in=ranked).annotate(
                rank=search.sqlite_rank(connections[self.db], self.model, ranked)
            )
        return found.order_by("-rank", "-published_at", "-id")

    def related_to(self, article, limit):
        """At most `limit` other articles: most tags shared first, then newest.

        The count starts from the tag links of the article's tags, through
        the tag index, and looks up each candidate by its key, so its cost
        follows the sizes of those tags, not the archive's. (Joined the other
        way round, SQLite walks every published article; and an OR of two
        subqueries makes PostgreSQL scan the whole table, so the winners are
        fetched by their keys.) The tags come from `article.tags.all()`, so a
        prefetch serves them. Two queries, three when too few share a tag.
        """
        tag_ids = [tag.pk for tag in article.tags.all()]
        others = self.exclude(pk=article.pk)
        shared = dict(
            TaggedArticle.objects.filter(
                Exists(others.filter(pk=OuterRef("content_object_id"))),
                tag_id__in=tag_ids,
            )
            .values("content_object_id")
            .annotate(shared=Count("pk"), newest=Max("content_object__published_at"))
            .order_by("-shared", "-newest", "-content_object_id")
            .values_list("content_object_id", "shared")[:limit]
        )
        fields = ("title", "slug", "published_at", "word_count")
        found = list(Article.objects.filter(pk__in=shared).only(*fields))
        if len(found) < limit:
            newest = others.exclude(pk__in=shared).order_by("-published_at", "-id")
            found += newest.only(*fields)[: limit - len(found)]
        for related in found:
            related.shared_tags = shared.get(related.pk, 0)
        return sorted(
            found,
            key=lambda a: (a.shared_tags, a.published_at, a.pk),
            reverse=True,
        )

    def tags(self):
        """The tags of these articles, each once, with their newest publication."""
        return (
            Tag.objects.filter(articles_taggedarticle_items__content_object__in=self)
            .annotate(
                last_published=Max(
                    "articles_taggedarticle_items__content_object__published_at"
                )
            )
            .order_by("name")
        )

    def for_detail(self):
        """The article row the page needs first, with its author.

        The rest of the page is loaded as it is shown (`articles.pages`), so
        that parts served from the cache cost nothing.
        """
        return self.select_related("author")

    def create_from(self, data, *, author, publish=False, replace=False):
        """Store `data` (an importer.ArticleData) as one article, all or nothing.

        With `replace`, the article with the same slug keeps its row (and so
        its comments and admin history) but gets the new content, sections,
        takeaways, tags and pinned links. Return the article and the network
        titles that matched no link.
        """
        with transaction.atomic():
            article = self.filter(slug=data.slug).first() if replace else None
            if article is None:
                article = self.model(slug=data.slug)
            else:
                article.sections.all().delete()
                article.takeaways.all().delete()
            article.title = data.title
            article.author = author
            article.lead = paragraphs_html(data.lead)
            article.meta_description = data.meta_description or article.meta_description
            article.status = (
                Article.Status.PUBLISHED if publish else Article.Status.DRAFT
            )
            article.published_at = data.published_on and timezone.make_aware(
                datetime.combine(data.published_on, time())
            )
            aspect_label, highlight_label = data.takeaways_header
            article.takeaways_aspect_label = aspect_label
            article.takeaways_highlight_label = highlight_label
            article.save()
            for order, (level, heading, paragraphs) in enumerate(data.sections, 1):
                Section.objects.create(
                    article=article,
                    level=level,
                    heading=heading,
                    body=paragraphs_html(paragraphs),
                    order=order,
                )
            for order, (aspect, highlight) in enumerate(data.takeaways, 1):
                Takeaway.objects.create(
                    article=article, aspect=aspect, highlight=highlight, order=order
                )
            article.tags.set(data.tags)
            links = NetworkLink.objects.titled(data.network_titles)
            article.pinned_links.set(links.values())
        missing = [title for title in data.network_titles if title not in links]
        return article, missing


def paragraphs_html(texts):
    """Paragraphs as `<p>` elements; plain text is escaped, safe strings kept."""
    return format_html_join("", "<p>{}</p>", ((text,) for text in texts))


class TaggedArticle(TaggedItemBase):
    content_object = models.ForeignKey("Article", on_delete=models.CASCADE)

    class Meta:
        verbose_name = "article tag"
        constraints = [
            models.UniqueConstraint(
                fields=["tag", "content_object"], name="unique_tag_per_article"
            )
        ]


class NetworkLinkQuerySet(models.QuerySet):
    def titled(self, titles):
        """Map each of `titles` that a link has, ignoring case, to that link.

        When several links share a title, an active one wins, then the newest.
        """
        if not titles:
            return {}
        found = {}
        matches = self.filter(reduce(or_, (Q(title__iexact=t) for t in titles)))
        for link in matches.order_by("-is_active", "-created_at", "-id"):
            for title in titles:
                if title.casefold() == link.title.casefold():
                    found.setdefault(title, link)
        return found


class NetworkLink(models.Model):
    site_name = models.CharField(
        max_length=80, help_text="The sister site's name, e.g. “The Code Desk”."
    )
    title = models.CharField(max_length=200, help_text="The linked article's title.")
    url = models.URLField("URL", max_length=500)
    is_active = models.BooleanField(
        "active",
        default=True,
        help_text="Only active links appear on article pages.",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = NetworkLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["is_active", "-created_at"], name="networklink_active_newest"
            )
        ]
        constraints = [models.UniqueConstraint(fields=["url"], name="unique_link_url")]

    def __str__(self):
        return f"{self.title} ({self.site_name})"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        pagecache.content_changed()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        pagecache.content_changed()
        return result


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    class Review(models.TextChoices):
        WRITING = "writing", "Writing"
        READY = "ready", "Ready for review"
        CHANGES_REQUESTED = "changes", "Changes requested"
        APPROVED = "approved", "Approved"

    class NoteKind(models.TextChoices):
        UPDATE = "update", "Updated"
        CORRECTION = "correction", "Correction"

    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200,
        unique=True,
        help_text="The last part of the article's address: /articles/<slug>/.",
    )
    lead = RichTextField(
        blank=True,
        help_text="The opening paragraphs, shown before the first section.",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="articles"
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        "publication date",
        null=True,
        blank=True,
        help_text="A published article with a date in the future stays hidden "
        "until then.",
    )
    comments_open = models.BooleanField(default=True)
    meta_description = models.CharField(
        max_length=300,
        blank=True,
        help_text="One or two sentences for search engines and link previews. "
        "When empty, the lead is used.",
    )
    hero_image = models.ImageField(
        upload_to=hero_upload_to,
        blank=True,
        validators=[
            FileExtensionValidator(["jpg", "jpeg", "png", "webp", "gif"]),
            validate_image_upload,
        ],
        help_text="A JPEG, PNG, WebP or GIF image, ideally at least 1600 pixels "
        "wide and landscape.",
        width_field="hero_width",
        height_field="hero_height",
    )
    hero_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    hero_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    hero_alt = models.CharField(
        "hero image alt text",
        max_length=250,
        blank=True,
        help_text="What the image shows, for readers who cannot see it. "
        "Required when there is an image.",
    )
    takeaways_aspect_label = models.CharField(
        "takeaways first column", max_length=60, default="Aspect"
    )
    takeaways_highlight_label = models.CharField(
        "takeaways second column", max_length=60, default="Highlights"
    )
    pinned_links = models.ManyToManyField(
        NetworkLink,
        blank=True,
        related_name="pinned_on",
        help_text="Shown under “From our network”. When none are pinned, the "
        "newest active links are shown.",
    )
    review_state = models.CharField(
        max_length=10, choices=Review.choices, default=Review.WRITING
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles_to_review",
        limit_choices_to={"is_staff": True},
        help_text="Who reviews the article next.",
    )
    review_due = models.DateField("review due", null=True, blank=True)
    note_kind = models.CharField(
        "note", max_length=10, choices=NoteKind.choices, blank=True
    )
    note_text = models.TextField(
        "note text",
        blank=True,
        help_text="Shown under the title, e.g. what was corrected. Earlier notes "
        "stay in the article's history.",
    )
    noted_at = models.DateTimeField(
        "note date",
        null=True,
        blank=True,
        help_text="Shown with the note, and used as the article's modification "
        "date in feeds and search results.",
    )
    word_count = models.PositiveIntegerField(default=0, editable=False)
    # The lead, contents, sections and takeaways as readers see them, made
    # by save() and update_from_parts(), so a page view does not render them.
    body_html = models.TextField(blank=True, editable=False)
    # Kept by update_search_index() on PostgreSQL; SQLite uses an FTS5 table.
    search_vector = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    tags = TaggableManager(through=TaggedArticle, blank=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        permissions = [("publish_article", "Can publish articles")]
        indexes = [
            models.Index(
                fields=["status", "-published_at", "-id"], name="article_newest"
            ),
            models.Index(
                fields=["assignee", "review_state"], name="article_review_queue"
            ),
            models.Index(
                fields=["author", "status", "-published_at", "-id"],
                name="article_author_newest",
            ),
            # The GIN index on search_vector is made by migration 0004 on
            # PostgreSQL only, since SQLite cannot create it.
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="published_article_has_date",
                violation_error_message="A published article needs a "
                "publication date.",
            ),
            models.CheckConstraint(
                condition=Q(note_kind="") | (~Q(note_text="") & Q(noted_at__isnull=False)),
                name="note_has_text_and_date",
                violation_error_message="A note needs its text and its date.",
            ),
            models.CheckConstraint(
                condition=Q(hero_image="") | ~Q(hero_alt=""),
                name="hero_image_has_alt_text",
                violation_error_message="Describe the hero image in its alt text.",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.lead = sanitize(self.lead)
        if not self.slug:
            self.slug = slugify(self.title)[:200]
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        sections, takeaways = self.parts()
        doc = self.search_document(sections, takeaways)
        self.word_count = doc.word_count()
        self.body_html = render_body(self, sections, takeaways)
        super().save(*args, **kwargs)
        self.update_search_index(doc)
        if self.hero_image:
            self.make_renditions()
        pagecache.content_changed()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        pagecache.content_changed()
        return result

    def get_absolute_url(self):
        return reverse("articles:detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()  # Published without a date: now.
        if self.note_kind and not (self.note_text.strip() and self.noted_at):
            raise ValidationError(
                {"note_text": "Write the note and give its date, or choose no note."},
                code="note_incomplete",
            )
        if self.hero_image and not self.hero_alt.strip():
            raise ValidationError(
                {"hero_alt": "Describe the image for readers who cannot see it."},
                code="alt_required",
            )

    def publish(self):
        """Publish now, or keep the date already set (which may schedule it)."""
        self.status = self.Status.PUBLISHED
        self.published_at = self.published_at or timezone.now()
        self.save()

    def unpublish(self):
        self.status = self.Status.DRAFT
        self.save()

    def accepts_comments(self):
        """Open for comments: switched on, and not past the auto-close age."""
        if not self.comments_open:
            return False
        days = settings.COMMENTS_CLOSE_AFTER_DAYS
        if not days or self.published_at is None:  # A draft has no age yet.
            return True
        return self.published_at > timezone.now() - timedelta(days=days)

    def parts(self):
        """The article's sections and takeaways as stored now, in order."""
        if not self.pk:
            return [], []
        # Read from the table, not from a prefetch that may be out of date.
        return (
            list(Section.objects.filter(article_id=self.pk)),
            list(Takeaway.objects.filter(article_id=self.pk)),
        )

    def search_document(self, sections, takeaways):
        """The article's text: title, lead, sections and takeaways."""
        return search.document(
            self.title,
            self.lead,
            [(section.heading, section.body) for section in sections],
            [(takeaway.aspect, takeaway.highlight) for takeaway in takeaways],
        )

    def update_from_parts(self):
        """Recount, reindex, re-render and mark as modified after sections or
        takeaways change."""
        sections, takeaways = self.parts()
        doc = self.search_document(sections, takeaways)
        self.word_count = doc.word_count()
        self.body_html = render_body(self, sections, takeaways)
        self.updated_at = timezone.now()
        Article.objects.filter(pk=self.pk).update(
            word_count=self.word_count,
            body_html=self.body_html,
            updated_at=self.updated_at,
        )
        self.update_search_index(doc)
        pagecache.content_changed()

    def update_search_index(self, doc):
        """Store the article's words where the database's text search reads them."""
        connection = connections[self._state.db or "default"]
        if connection.vendor == "postgresql":
            Article.objects.filter(pk=self.pk).update(
                search_vector=search.postgres_vector(doc)
            )
        else:
            with connection.cursor() as cursor:
                search.write_sqlite_index(cursor, self.pk, doc)

    def plain_text(self):
        """The lead and section bodies as plain text, from prefetched sections."""
        texts = [self.lead, *(section.body for section in self.sections.all())]
        return " ".join(plain_text(text) for text in texts)

    @property
    def reading_time(self):
        """Minutes to read, rounded up, never less than one."""
        return max(1, math.ceil(self.word_count / settings.MAGPOST_WORDS_PER_MINUTE))

    @property
    def modified_at(self):
        """When readers were last told of a change: the note's date, if any."""
        if self.noted_at and self.published_at and self.noted_at > self.published_at:
            return self.noted_at
        return self.published_at or self.updated_at

    def is_published(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def description(self):
        """The meta description, or the lead's opening words when it is empty."""
        if self.meta_description:
            return self.meta_description
        words = " ".join(plain_text(self.lead).split())
        return words[:157] + "…" if len(words) > 160 else words

    def hero_renditions(self):
        """The hero image's resized copies, narrowest first (none without one)."""
        if not self.hero_image:
            return []
        return renditions.responsive(self.hero_image, self.hero_width, self.hero_height)

    def social_image(self):
        """The hero's 16:9 copy for link previews and feeds, or None."""
        return renditions.social(self.hero_image) if self.hero_image else None

    def make_renditions(self):
        """Make the hero image's missing renditions, and keep its upright size."""
        size = renditions.make(self.hero_image)
        if size != (self.hero_width, self.hero_height):
            # A photo turned by its EXIF orientation: the page needs the size
            # it is shown at, not the size it was stored at.
            self.hero_width, self.hero_height = size
            Article.objects.filter(pk=self.pk).update(
                hero_width=self.hero_width, hero_height=self.hero_height
            )

    def structured_data(self, absolute_url):
        """schema.org NewsArticle for search engines; `absolute_url(path)`
        turns a path into an absolute URL."""
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "mainEntityOfPage": absolute_url(self.get_absolute_url()),
            "headline": self.title,
            "description": self.description,
            "datePublished": self.published_at,
            "dateModified": self.modified_at,
            "author": [
                {
                    "@type": "Person",
                    "name": author.get_full_name() or author.username,
                    "url": absolute_url(
                        reverse("articles:author", args=[author.username])
                    ),
                }
                for author in self.authors
            ],
            "keywords": [tag.name for tag in self.tags.all()],
            "wordCount": self.word_count,
            "publisher": {
                "@type": "Organization",
                "name": settings.MAGPOST_SITE_NAME,
                "url": absolute_url(reverse("articles:home")),
            },
        }
        if image := self.social_image():
            data["image"] = [absolute_url(image.url)]
        return data

    def network_links(self):
        """Pinned links, or else the newest active ones, at most the setting.

        One query: active links with this article's pinned ones first.
        """
        pinned = Article.pinned_links.through.objects.filter(
            article_id=self.pk, networklink_id=OuterRef("pk")
        )
        links = list(
            NetworkLink.objects.filter(is_active=True)
            .annotate(is_pinned=Exists(pinned))
            .order_by("-is_pinned", "-created_at", "-id")[
                : settings.MAGPOST_NETWORK_LINKS_SHOWN
            ]
        )
        return [link for link in links if link.is_pinned] or links

    @property
    def authors(self):
        """The article's authors in order: its author, then any co-authors."""
        return [self.author, *(credit.author for credit in self.credits.all())]


class ArticleAuthor(models.Model):
    """A co-author of an article, after its main author, in order."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="credits")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="credits"
    )
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "co-author"
        constraints = [
            models.UniqueConstraint(
                fields=["article", "author"], name="unique_co_author"
            )
        ]
        indexes = [models.Index(fields=["author", "article"], name="co_author_articles")]

    def __str__(self):
        return str(self.author)

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        pagecache.content_changed()


class AuthorProfile(models.Model):
    """What readers see about an author on their page."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    bio = models.TextField(
        max_length=600,
        blank=True,
        help_text="Two or three sentences, in the third person.",
    )
    photo = models.ImageField(
        upload_to=author_photo_upload_to,
        blank=True,
        validators=[
            FileExtensionValidator(["jpg", "jpeg", "png", "webp", "gif"]),
            validate_image_upload,
        ],
    )

    def __str__(self):
        return f"Profile of {self.user}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        pagecache.content_changed()

    def get_absolute_url(self):
        return reverse("articles:author", kwargs={"username": self.user.username})


class ArticlePart(models.Model):
    """A row that belongs to one article, in the order the editor gives it."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["order", "id"]

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.article.update_from_parts()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self.article.update_from_parts()
        return result


class Section(ArticlePart):
    class Level(models.IntegerChoices):
        SECTION = 2, "Section"
        SUBSECTION = 3, "Subsection"

    heading = models.CharField(max_length=200)
    level = models.PositiveSmallIntegerField(
        choices=Level.choices, default=Level.SECTION
    )
    anchor = models.SlugField(
        max_length=80,
        blank=True,
        help_text="The section's link target (#anchor). Filled from the heading "
        "and kept when the heading changes, so shared links stay valid.",
    )
    body = RichTextField(blank=True)

    class Meta(ArticlePart.Meta):
        default_related_name = "sections"
        indexes = [models.Index(fields=["article", "order"], name="section_order")]
        constraints = [
            # Blank while an inline form is validated; save() fills it.
            models.UniqueConstraint(
                fields=["article", "anchor"],
                condition=~Q(anchor=""),
                name="unique_section_anchor",
            ),
            models.CheckConstraint(
                condition=Q(level__in=[2, 3]), name="section_level_2_or_3"
            ),
        ]

    def __str__(self):
        return self.heading

    def save(self, *args, **kwargs):
        self.body = sanitize(self.body)
        self.anchor = self.free_anchor()
        super().save(*args, **kwargs)

    def free_anchor(self):
        """The anchor, or a slug of the heading, made unique in the article."""
        base = slugify(self.anchor or self.heading)[:70] or "section"
        taken = set(
            Section.objects.filter(article_id=self.article_id)
            .exclude(pk=self.pk)
            .values_list("anchor", flat=True)
        )
        anchor, number = base, 2
        while anchor in taken:
            anchor, number = f"{base}-{number}", number + 1
        return anchor


class Takeaway(ArticlePart):
    aspect = models.CharField(max_length=200)
    highlight = models.CharField(max_length=500)

    class Meta(ArticlePart.Meta):
        default_related_name = "takeaways"
        indexes = [models.Index(fields=["article", "order"], name="takeaway_order")]

    def __str__(self):
        return self.aspect


class PreviewLinkQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class PreviewLink(models.Model):
    """A link that shows a draft to a reviewer who has no account."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="preview_links"
    )
    token = models.CharField(max_length=43, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_at = models.DateTimeField(editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Preview of “{self.article}”"

    def save(self, *args, **kwargs):
        if not self.token:
            self.token = secrets.token_urlsafe(32)
        if not self.expires_at:
            self.expires_at = self.created_at + timedelta(
                days=settings.MAGPOST_PREVIEW_DAYS
            )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        signed = signing.TimestampSigner(salt=PREVIEW_SALT).sign(self.token)
        return reverse("articles:preview", kwargs={"signed": signed})

    def revoke(self):
        self.revoked_at = timezone.now()
        self.save(update_fields=["revoked_at"])

    def is_usable(self):
        return self.revoked_at is None and self.expires_at > timezone.now()

    @classmethod
    def from_signed(cls, signed):
        """The usable link a signed token names, or None if it is not one."""
        try:
            token = signing.TimestampSigner(salt=PREVIEW_SALT).unsign(
                signed, max_age=timedelta(days=settings.MAGPOST_PREVIEW_DAYS)
            )
        except signing.BadSignature:
            return None
        return cls.objects.usable().select_related("article").filter(token=token).first()


PREVIEW_SALT = "articles.preview-link"


# Revisions keep the whole article: its sections, takeaways and tags follow it
# (pinned links are stored with the article itself).
reversion.register(Section)
reversion.register(Takeaway)
reversion.register(TaggedArticle)
reversion.register(ArticleAuthor)
reversion.register(
    Article, follow=["sections", "takeaways", "taggedarticle_set", "credits"]
)
