import re

import reversion
from reversion.admin import VersionAdmin
from reversion.errors import RevertError
from reversion.models import Version
from taggit.models import Tag

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.views.main import ORDER_VAR, ChangeList
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import Case, Count, IntegerField, Q, When
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats
from django.utils.html import format_html, format_html_join
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from .editorial import check_article
from .models import (
    Article,
    ArticleAuthor,
    AuthorProfile,
    NetworkLink,
    PreviewLink,
    Section,
    Takeaway,
)
from .revisions import compare, snapshot
from .uploads import ImageUploadField

TAG_NAME_LENGTH = Tag._meta.get_field("name").max_length


class SectionInline(admin.StackedInline):
    model = Section
    extra = 0
    fields = [("level", "order"), "heading", "body", "anchor"]
    classes = ["magpost-sections"]


class TakeawayInline(admin.TabularInline):
    model = Takeaway
    extra = 1
    fields = ["order", "aspect", "highlight"]
    verbose_name = "key takeaway"


class ArticleAdminForm(forms.ModelForm):
    def clean_tags(self):
        tags = self.cleaned_data["tags"]
        for name in tags:
            if len(name) > TAG_NAME_LENGTH:
                raise forms.ValidationError(
                    "Tags may be at most %(limit)d characters long.",
                    code="tag_too_long",
                    params={"limit": TAG_NAME_LENGTH},
                )
            if not slugify(name):
                raise forms.ValidationError(
                    "The tag “%(name)s” has no letters or digits to make its "
                    "address from.",
                    code="tag_without_slug",
                    params={"name": name},
                )
        return tags


class ReviewFirstChangeList(ChangeList):
    """The article list, with the articles waiting for my review first."""

    def get_ordering(self, request, queryset):
        ordering = super().get_ordering(request, queryset)
        if ORDER_VAR in self.params:
            return ordering  # The editor sorted by a column.
        return ["my_review", *ordering]


class CoAuthorInline(admin.TabularInline):
    model = ArticleAuthor
    extra = 0
    fields = ["order", "author"]
    verbose_name_plural = "co-authors (after the author above, in this order)"

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "author":
            kwargs["queryset"] = get_user_model().objects.filter(is_active=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Article)
class ArticleAdmin(VersionAdmin):
    form = ArticleAdminForm
    list_display = [
        "title", "state", "published_at", "author", "review_state", "assignee",
        "review_due", "comment_counts",
    ]
    list_filter = [
        "status", "review_state", "assignee", "published_at", "author", "tags",
    ]
    list_select_related = ["author", "assignee"]
    object_history_template = "admin/articles/article/object_history.html"
    change_list_template = "admin/change_list.html"
    change_form_template = "admin/articles/article/change_form.html"
    search_fields = ["title", "slug", "lead"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["pinned_links"]
    readonly_fields = [
        "preview_links",
        "editorial_checks",
        "reading_time_display",
        "comment_counts",
        "created_at",
        "updated_at",
    ]
    inlines = [CoAuthorInline, SectionInline, TakeawayInline]
    formfield_overrides = {models.ImageField: {"form_class": ImageUploadField}}
    actions = ["publish_now", "return_to_draft"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "author", "lead"]}),
        (
            "Publishing",
            {
                "fields": [
                    ("status", "published_at"),
                    "comments_open",
                    "tags",
                    "meta_description",
                ]
            },
        ),
        (
            "Review",
            {"fields": [("review_state", "assignee", "review_due"), "preview_links"]},
        ),
        (
            "Update or correction",
            {
                "fields": [("note_kind", "noted_at"), "note_text"],
                "classes": ["collapse"],
                "description": "A dated note for readers when a published "
                "article changes. The publication date stays as it was.",
            },
        ),
        ("Hero image", {"fields": ["hero_image", "hero_alt"]}),
        (
            "Key takeaways table",
            {"fields": [("takeaways_aspect_label", "takeaways_highlight_label")]},
        ),
        ("From our network", {"fields": ["pinned_links"], "classes": ["collapse"]}),
        ("Editorial checks", {"fields": ["editorial_checks"]}),
        (
            "About this article",
            {
                "fields": [
                    "reading_time_display",
                    "comment_counts",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]

    @admin.display(description="State", ordering="status")
    def state(self, article):
        if article.status == Article.Status.PUBLISHED and not article.is_published():
            return "Scheduled"
        return article.get_status_display()

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                approved_comments=Count("comments", filter=Q(comments__status="approved")),
                pending_comments=Count("comments", filter=Q(comments__status="pending")),
                my_review=Case(
                    When(assignee=request.user, review_state=Article.Review.READY, then=0),
                    default=1,
                    output_field=IntegerField(),
                ),
            )
        )

    def get_changelist(self, request, **kwargs):
        return ReviewFirstChangeList

    def has_publish_permission(self, request):
        return request.user.has_perm("articles.publish_article")

    def save_model(self, request, obj, form, change):
        was_published = change and form.initial.get("status") == Article.Status.PUBLISHED
        if (
            obj.status == Article.Status.PUBLISHED
            and not was_published
            and not self.has_publish_permission(request)
        ):
            obj.status = Article.Status.DRAFT
            messages.error(
                request,
                "Only editors can publish, so the article was saved as a draft. "
                "Set its review state to “Ready for review” and choose an editor "
                "as assignee to ask for publication.",
            )
        super().save_model(request, obj, form, change)

    @admin.display(description="Comments")
    def comment_counts(self, article):
        if article.pk is None:
            return "—"
        queue = reverse("admin:comments_comment_changelist")
        return format_html(
            '{} shown, <a href="{}?article__id__exact={}&amp;status=pending">{} waiting</a>',
            article.approved_comments,
            queue,
            article.pk,
            article.pending_comments,
        )

    @admin.display(description="Preview links")
    def preview_links(self, article):
        """Working links for reviewers without an account, each revocable."""
        usable = list(article.preview_links.usable()) if article.pk else []
        if not usable:
            return "None. “Make a preview link” (top right) makes one."
        return format_html_join(
            "",
            '<p><input type="text" readonly value="{}" size="70" aria-label="Preview '
            'link"> until {} <button type="submit" formaction="{}" formnovalidate>'
            "Revoke</button></p>",
            (
                (
                    link.get_absolute_url(),
                    formats.date_format(link.expires_at, "DATETIME_FORMAT"),
                    reverse(
                        "admin:articles_article_revoke_preview",
                        args=[article.pk, link.pk],
                    ),
                )
                for link in usable
            ),
        )

    @admin.display(description="Reading time")
    def reading_time_display(self, article):
        return f"{article.reading_time} min read" if article.pk else "—"

    @admin.display(description="Findings")
    def editorial_checks(self, article):
        if not article.pk:
            return "Checked once the article is saved."
        findings = check_article(article)
        if not findings:
            return "Nothing to look at: the checks found no problems."
        return format_html(
            '<ul class="editorial-findings">{}</ul>',
            format_html_join(
                "",
                "<li><strong>{}</strong>: {}</li>",
                ((finding.place, finding.message) for finding in findings),
            ),
        )

    def get_changeform_initial_data(self, request):
        return {"author": request.user.pk, **super().get_changeform_initial_data(request)}

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        form.instance.update_from_parts()

    def response_add(self, request, obj, post_url_continue=None):
        response = super().response_add(request, obj, post_url_continue)
        self.warn_about_findings(request, obj)
        return response

    def response_change(self, request, obj):
        response = super().response_change(request, obj)
        self.warn_about_findings(request, obj)
        return response

    def warn_about_findings(self, request, article):
        # Called after the success message, once sections and takeaways are
        # saved too, so the warning is about what was just stored.
        findings = check_article(article)
        if findings:
            self.message_user(
                request,
                f"The editorial checks found {len(findings)} thing(s) to look at "
                "(listed under “Editorial checks”): "
                + "; ".join(str(finding) for finding in findings),
                messages.WARNING,
            )

    @admin.action(description="Publish selected articles now", permissions=["publish"])
    def publish_now(self, request, queryset):
        for article in queryset:
            article.publish()
        self.message_user(request, f"Published {len(queryset)} article(s).")

    @admin.action(description="Return selected articles to draft", permissions=["publish"])
    def return_to_draft(self, request, queryset):
        for article in queryset:
            article.unpublish()
        self.message_user(
            request, f"{len(queryset)} article(s) are drafts again.", messages.WARNING
        )


    # Revisions: compare any two and restore one in a single step ---------

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<int:object_id>/history/compare/",
                view(self.compare_view),
                name="articles_article_compare",
            ),
            path(
                "<int:object_id>/history/<int:version_id>/restore/",
                view(require_POST(self.restore_view)),
                name="articles_article_restore",
            ),
            path(
                "<int:object_id>/preview-links/",
                view(require_POST(self.make_preview_view)),
                name="articles_article_make_preview",
            ),
            path(
                "<int:object_id>/preview-links/<int:link_id>/revoke/",
                view(require_POST(self.revoke_preview_view)),
                name="articles_article_revoke_preview",
            ),
            # django-reversion's own revision and recover pages save through
            # the change form without the publish check; compare and restore
            # above replace them.
            *(
                url
                for url in super().get_urls()
                if not (url.name or "").endswith(("_revision", "_recover", "_recoverlist"))
            ),
        ]

    def versions(self, object_id):
        return Version.objects.get_for_object_reference(Article, object_id).select_related(
            "revision", "revision__user"
        )

    def history_view(self, request, object_id, extra_context=None):
        versions = list(self.versions(object_id))
        pairs = [
            (version, versions[number + 1] if number + 1 < len(versions) else None)
            for number, version in enumerate(versions)
        ]
        # Django's own history view: django-reversion's links each revision
        # to its revision page, which this admin does not offer.
        return admin.ModelAdmin.history_view(
            self, request, object_id, {"version_pairs": pairs, **(extra_context or {})}
        )

    def compare_view(self, request, object_id):
        article = get_object_or_404(Article, pk=object_id)
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        versions = self.versions(object_id)
        wanted = [request.GET.get(name, "") for name in ("from", "to")]
        if not all(re.fullmatch(r"[0-9]+", number) for number in wanted):
            raise Http404("Choose two revisions to compare.")
        old, new = (get_object_or_404(versions, pk=number) for number in wanted)
        return TemplateResponse(
            request,
            "admin/articles/article/compare.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "original": article,
                "title": f"What changed in “{article}”",
                "old": old,
                "new": new,
                "versions": versions,
                "changes": compare(snapshot(old.revision), snapshot(new.revision)),
            },
        )

    def restore_view(self, request, object_id, version_id):
        article = get_object_or_404(Article, pk=object_id)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        version = get_object_or_404(self.versions(object_id), pk=version_id)
        if (
            version.field_dict["status"] == Article.Status.PUBLISHED
            and article.status != Article.Status.PUBLISHED
            and not self.has_publish_permission(request)
        ):
            messages.error(request, "Only editors can restore a published revision.")
            return redirect("admin:articles_article_history", object_id)
        saved = formats.date_format(version.revision.date_created, "DATETIME_FORMAT")
        try:
            with transaction.atomic(), reversion.create_revision():
                version.revision.revert(delete=True)
                article = Article.objects.get(pk=object_id)
                article.update_from_parts()
                reversion.add_to_revision(article)
                reversion.set_user(request.user)
                reversion.set_comment(f"Restored the revision saved {saved}.")
        except RevertError as error:
            messages.error(request, f"This revision cannot be restored: {error}")
            return redirect("admin:articles_article_history", object_id)
        self.log_change(request, article, f"Restored the revision saved {saved}.")
        messages.success(
            request,
            f"Restored the revision saved {saved}. The restore is itself a new "
            "revision, so the version it replaced can be restored too.",
        )
        return redirect("admin:articles_article_change", object_id)

    # Preview links for reviewers without an account -------------------------

    def make_preview_view(self, request, object_id):
        article = get_object_or_404(Article, pk=object_id)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        link = PreviewLink.objects.create(article=article, created_by=request.user)
        messages.success(
            request,
            format_html(
                "Preview link made; it works until {}: <a href=\"{}\">{}</a>",
                formats.date_format(link.expires_at, "DATETIME_FORMAT"),
                link.get_absolute_url(),
                request.build_absolute_uri(link.get_absolute_url()),
            ),
        )
        return redirect("admin:articles_article_change", object_id)

    def revoke_preview_view(self, request, object_id, link_id):
        link = get_object_or_404(PreviewLink, pk=link_id, article_id=object_id)
        if not self.has_change_permission(request, link.article):
            raise PermissionDenied
        link.revoke()
        messages.success(request, "The preview link is revoked: it no longer works.")
        return redirect("admin:articles_article_change", object_id)


@admin.register(NetworkLink)
class NetworkLinkAdmin(admin.ModelAdmin):
    list_display = ["title", "site_name", "url", "is_active", "created_at"]
    list_editable = ["is_active"]
    list_filter = ["is_active", "site_name"]
    search_fields = ["title", "site_name", "url"]
    formfield_overrides = {
        models.URLField: {"form_class": forms.URLField, "assume_scheme": "https"}
    }


@admin.register(AuthorProfile)
class AuthorProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "has_photo"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "bio"]
    list_select_related = ["user"]
    formfield_overrides = {models.ImageField: {"form_class": ImageUploadField}}

    @admin.display(description="Photo", boolean=True)
    def has_photo(self, profile):
        return bool(profile.photo)
