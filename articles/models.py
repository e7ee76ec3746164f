import math
from datetime import timedelta

from ckeditor.fields import RichTextField
from taggit.managers import TaggableManager
from taggit.models import Tag, TaggedItemBase

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import connections, models
from django.db.models import Count, F, Max, Prefetch, Q
from django.db.models.expressions import RawSQL
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from . import renditions, search
from .richtext import plain_text, sanitize


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

    def drafts(self):
        return self.filter(status=Article.Status.DRAFT)

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
            # FTS5 has no ORM support: its MATCH and bm25() are plain SQL.
            # bm25() is lower for better matches, so it is negated.
            table, match = search.FTS_TABLE, search.fts5_match(terms)
            weights = ", ".join(map(str, search.FTS_WEIGHTS))
            article_id = f"{self.model._meta.db_table}.id"
            found = self.filter(
                pk__in=RawSQL(
                    f"SELECT rowid FROM {table} WHERE {table} MATCH %s", [match]
                )
            ).annotate(
                rank=RawSQL(
                    f"SELECT -bm25({table}, {weights}) FROM {table} "
                    f"WHERE {table} MATCH %s AND rowid = {article_id}",
                    [match],
                )
            )
        return found.order_by("-rank", "-published_at", "-id")

    def related_to(self, article):
        """Other articles, those sharing most tags with `article` first, then newest.

        The tags come from `article.tags.all()`, so a prefetch serves them.
        """
        tag_ids = [tag.pk for tag in article.tags.all()]
        return (
            self.exclude(pk=article.pk)
            .annotate(shared_tags=Count("tags", filter=Q(tags__in=tag_ids)))
            .order_by("-shared_tags", "-published_at", "-id")
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

    def for_detail(self, pending_comment_ids=()):
        """Everything the article page shows, in a fixed number of queries.

        Comments are the approved ones, plus the visitor's own pending ones.
        """
        Comment = self.model._meta.get_field("comments").related_model
        return self.select_related("author").prefetch_related(
            "sections",
            "takeaways",
            "tags",
            "pinned_links",
            Prefetch(
                "comments",
                queryset=Comment.objects.for_page(pending_comment_ids),
                to_attr="visible_comments",
            ),
        )


class TaggedArticle(TaggedItemBase):
    content_object = models.ForeignKey("Article", on_delete=models.CASCADE)

    class Meta:
        verbose_name = "article tag"
        constraints = [
            models.UniqueConstraint(
                fields=["tag", "content_object"], name="unique_tag_per_article"
            )
        ]


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


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

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
        upload_to="heroes/%Y/%m/",
        blank=True,
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
    word_count = models.PositiveIntegerField(default=0, editable=False)
    # Kept by update_search_index() on PostgreSQL; SQLite uses an FTS5 table.
    search_vector = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    tags = TaggableManager(through=TaggedArticle, blank=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(
                fields=["status", "-published_at", "-id"], name="article_newest"
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
        doc = self.search_document()
        self.word_count = doc.word_count()
        super().save(*args, **kwargs)
        self.update_search_index(doc)
        if self.hero_image:
            self.make_renditions()

    def get_absolute_url(self):
        return reverse("articles:detail", kwargs={"slug": self.slug})

    def clean(self):
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
        return not days or self.published_at > timezone.now() - timedelta(days=days)

    def search_document(self):
        """The article's text as stored now, sections and takeaways included."""
        sections, takeaways = [], []
        if self.pk:
            sections = list(self.sections.values_list("heading", "body"))
            takeaways = list(self.takeaways.values_list("aspect", "highlight"))
        return search.document(self.title, self.lead, sections, takeaways)

    def count_words(self):
        """Words of the lead, headings, section bodies and takeaways."""
        return self.search_document().word_count()

    def update_word_count(self):
        """Recount, reindex and mark as modified after sections or takeaways change."""
        doc = self.search_document()
        self.word_count = doc.word_count()
        self.updated_at = timezone.now()
        Article.objects.filter(pk=self.pk).update(
            word_count=self.word_count, updated_at=self.updated_at
        )
        self.update_search_index(doc)

    def update_search_index(self, doc=None):
        """Store the article's words where the database's text search reads them."""
        doc = doc or self.search_document()
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

    @property
    def modified_at(self):
        """When readers last saw a change: never before publication."""
        if self.published_at is None:
            return self.updated_at
        return max(self.updated_at, self.published_at)

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
        author = self.author
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

    def outline(self):
        """Sections as (section, [its subsections]) pairs, for the contents."""
        outline = []
        for section in self.sections.all():
            if section.level == Section.Level.SUBSECTION and outline:
                outline[-1][1].append(section)
            else:
                outline.append((section, []))
        return outline

    def network_links(self):
        """Pinned links, or else the newest active ones, at most the setting."""
        limit = settings.MAGPOST_NETWORK_LINKS_SHOWN
        pinned = [link for link in self.pinned_links.all() if link.is_active]
        if pinned:
            return pinned[:limit]
        return list(NetworkLink.objects.filter(is_active=True)[:limit])


class ArticlePart(models.Model):
    """A row that belongs to one article, in the order the editor gives it."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["order", "id"]

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.article.update_word_count()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self.article.update_word_count()
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
