from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from .editorial import check_article
from .models import Article, NetworkLink, Section, Takeaway
from .uploads import ImageUploadField


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


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "state", "published_at", "author", "comment_counts"]
    list_filter = ["status", "published_at", "author", "tags"]
    list_select_related = ["author"]
    search_fields = ["title", "slug", "lead"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["pinned_links"]
    readonly_fields = [
        "editorial_checks",
        "reading_time_display",
        "comment_counts",
        "created_at",
        "updated_at",
    ]
    inlines = [SectionInline, TakeawayInline]
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
            )
        )

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
        form.instance.update_word_count()

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

    @admin.action(description="Publish selected articles now", permissions=["change"])
    def publish_now(self, request, queryset):
        for article in queryset:
            article.publish()
        self.message_user(request, f"Published {len(queryset)} article(s).")

    @admin.action(description="Return selected articles to draft", permissions=["change"])
    def return_to_draft(self, request, queryset):
        for article in queryset:
            article.unpublish()
        self.message_user(
            request, f"{len(queryset)} article(s) are drafts again.", messages.WARNING
        )


@admin.register(NetworkLink)
class NetworkLinkAdmin(admin.ModelAdmin):
    list_display = ["title", "site_name", "url", "is_active", "created_at"]
    list_editable = ["is_active"]
    list_filter = ["is_active", "site_name"]
    search_fields = ["title", "site_name", "url"]
    formfield_overrides = {
        models.URLField: {"form_class": forms.URLField, "assume_scheme": "https"}
    }
