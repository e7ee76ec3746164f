"""
What the article page shows besides the article's own row.

Each part is loaded the first time the template shows it, so a part inside
a fragment served from the cache (see `magpost.pagecache`) costs no query.
"""

from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.functional import cached_property

from comments.models import Comment, build_threads

from .models import Article, ArticleAuthor


class ArticleParts:
    def __init__(self, article, request, pending_comment_ids=()):
        self.article = article
        self.request = request
        self.pending_comment_ids = pending_comment_ids

    @cached_property
    def loaded(self):
        """The article with its tags and co-authors, in one query each."""
        prefetch_related_objects(
            [self.article],
            "tags",
            Prefetch(
                "credits", queryset=ArticleAuthor.objects.select_related("author")
            ),
        )
        return self.article

    @cached_property
    def tags(self):
        return list(self.loaded.tags.all())

    @cached_property
    def authors(self):
        return self.loaded.authors

    @cached_property
    def canonical_url(self):
        return self.request.build_absolute_uri(self.article.get_absolute_url())

    @cached_property
    def social_image_url(self):
        image = self.article.social_image()
        return self.request.build_absolute_uri(image.url) if image else ""

    @cached_property
    def structured_data(self):
        return self.loaded.structured_data(self.request.build_absolute_uri)

    @cached_property
    def related_articles(self):
        return Article.objects.published().related_to(
            self.loaded, settings.MAGPOST_RELATED_ARTICLES
        )

    @cached_property
    def network_links(self):
        return self.article.network_links()

    @cached_property
    def comments(self):
        """Approved comments, and the visitor's own pending ones, oldest first."""
        return list(
            Comment.objects.filter(article=self.article).for_page(
                self.pending_comment_ids
            )
        )

    @cached_property
    def comment_threads(self):
        return build_threads(self.comments)

    @cached_property
    def comment_count(self):
        return sum(not comment.is_pending() for comment in self.comments)
