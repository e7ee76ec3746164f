import hashlib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import models
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import linebreaks, urlize

from articles.models import Article
from magpost import pagecache


# A poster sees their own pending comments: their ids travel in a signed
# cookie, so nobody can list other people's.
PENDING_COOKIE = "magpost_pending"
PENDING_COOKIE_SALT = "comments.pending"
PENDING_COOKIE_AGE = 7 * 24 * 3600


def pending_ids(request):
    """Ids of the pending comments this browser posted."""
    value = request.get_signed_cookie(
        PENDING_COOKIE, default="", salt=PENDING_COOKIE_SALT, max_age=PENDING_COOKIE_AGE
    )
    return [int(part) for part in value.split(",") if part.isdigit()][-20:]


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Comment.Status.APPROVED)

    def pending(self):
        return self.filter(status=Comment.Status.PENDING)

    def spam(self):
        return self.filter(status=Comment.Status.SPAM)

    def by_email(self, email):
        return self.filter(email=normalize_email(email))

    def for_page(self, pending_ids=()):
        """Approved comments, and the visitor's own pending ones, oldest first."""
        visible = Q(status=Comment.Status.APPROVED)
        if pending_ids:
            visible |= Q(status=Comment.Status.PENDING, pk__in=pending_ids)
        # Only what a comment on the page shows: the rest is for moderators.
        return (
            self.filter(visible)
            .only("article", "parent", "name", "body_html", "status", "created_at")
            .order_by("created_at", "id")
        )


def normalize_email(email):
    return (email or "").strip().lower()


def body_html(body):
    """A plain-text comment as HTML: escaped, line breaks kept, URLs linked."""
    # urlize escapes the text around the links it makes, so the result is safe
    # to mark up further; its rel="nofollow" gets the values user content needs.
    linked = urlize(body, nofollow=True, autoescape=True).replace(
        'rel="nofollow"', 'rel="nofollow ugc noopener"'
    )
    return linebreaks(linked, autoescape=False)


def body_digest(body):
    """A fingerprint of the body that ignores differences in whitespace."""
    return hashlib.sha256(" ".join(body.split()).encode()).hexdigest()


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        APPROVED = "approved", "Approved"
        SPAM = "spam", "Spam"
        REMOVED = "removed", "Removed"

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replies",
        help_text="The comment this one answers.",
    )
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    name = models.CharField(max_length=80)
    email = models.EmailField(max_length=254, help_text="Never shown to readers.")
    body = models.TextField(max_length=5000)
    body_hash = models.CharField(max_length=64, editable=False)
    # What readers see of the body, made by save() so a page view need not.
    body_html = models.TextField(blank=True, editable=False)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PENDING
    )
    reasons = models.JSONField(
        default=list,
        blank=True,
        help_text="What the moderation rules found when the comment arrived.",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    moderated_at = models.DateTimeField(null=True, blank=True, editable=False)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    moderators_notified_at = models.DateTimeField(null=True, editable=False)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["article", "status", "created_at"], name="comment_thread"
            ),
            models.Index(fields=["status", "-created_at", "-id"], name="comment_queue"),
            models.Index(fields=["email", "status"], name="comment_commenter"),
        ]
        constraints = [
            # The same body from the same email on the same article is
            # stored once, even when two posts race.
            models.UniqueConstraint(
                fields=["article", "email", "body_hash"], name="unique_comment_body"
            ),
        ]
        permissions = [("moderate_comment", "Can moderate comments")]

    def __str__(self):
        return f"{self.name} on “{self.article}”"

    def save(self, *args, **kwargs):
        if self._state.adding and self.parent is not None:
            # Past the deepest level a reply joins its parent's thread.
            if self.parent.depth + 1 >= settings.COMMENTS_MAX_DEPTH:
                self.parent = self.parent.parent
            self.depth = self.parent.depth + 1 if self.parent else 0
        self.email = normalize_email(self.email)
        self.body_hash = body_digest(self.body)
        self.body_html = body_html(self.body)
        super().save(*args, **kwargs)
        pagecache.comments_changed(self.article.slug)

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#comment-{self.pk}"

    def approve(self, by=None):
        self.moderate(self.Status.APPROVED, by)

    def mark_spam(self, by=None):
        self.moderate(self.Status.SPAM, by)

    def remove(self, by=None):
        self.moderate(self.Status.REMOVED, by)

    def return_to_pending(self, by=None):
        self.moderate(self.Status.PENDING, by)

    def moderate(self, status, by=None):
        """Give the comment a status, recording who decided and when."""
        self.status = status
        self.moderated_by = by
        self.moderated_at = timezone.now()
        self.save(update_fields=["status", "moderated_by", "moderated_at"])

    def notify_moderators(self):
        """Email the moderators that this comment waits, once at most."""
        if not settings.COMMENTS_NOTIFY_MODERATORS:
            return
        claimed = Comment.objects.filter(
            pk=self.pk, moderators_notified_at__isnull=True
        ).update(moderators_notified_at=timezone.now())
        if not claimed:
            return
        recipients = list(
            get_user_model()
            .objects.filter(is_active=True, groups__name="Moderators")
            .exclude(email="")
            .values_list("email", flat=True)
            .distinct()
        )
        if recipients:
            send_mail(
                f"Comment waiting on “{self.article.title}”",
                render_to_string("comments/moderator_email.txt", {"comment": self}),
                None,
                recipients,
            )

    def is_pending(self):
        return self.status == self.Status.PENDING


class WordList(models.Model):
    """Words that hold a comment for moderation or mark it as spam."""

    class Kind(models.TextChoices):
        HOLD = "hold", "Hold for moderation"
        BLOCK = "block", "Mark as spam"

    kind = models.CharField(max_length=5, choices=Kind.choices, unique=True)
    words = models.TextField(
        blank=True,
        help_text="One word or phrase a line. They match whole words, whatever "
        "their case or Unicode form: “press” does not match “WordPress”.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind"]

    def __str__(self):
        return self.get_kind_display()

    def entries(self):
        return [line.strip() for line in self.words.splitlines() if line.strip()]


def build_threads(comments):
    """Top-level comments, each with `.thread` holding its replies in order."""
    by_id = {comment.pk: comment for comment in comments}
    roots = []
    for comment in comments:
        comment.thread = []
    for comment in comments:
        parent = by_id.get(comment.parent_id)
        (parent.thread if parent else roots).append(comment)
    return roots
