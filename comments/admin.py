from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.template.defaultfilters import truncatechars
from django.template.response import TemplateResponse
from django.utils.html import format_html, format_html_join

from .moderation import find_listed
from .models import Comment, WordList


class StatusFilter(admin.SimpleListFilter):
    """Statuses, with the pending queue as what the list opens on."""

    title = "status"
    parameter_name = "status"
    everything = "all"

    def lookups(self, request, model_admin):
        return [*Comment.Status.choices, (self.everything, "All")]

    def value(self):
        return super().value() or Comment.Status.PENDING

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == lookup,
                "query_string": changelist.get_query_string(
                    {self.parameter_name: lookup}
                ),
                "display": title,
            }

    def queryset(self, request, queryset):
        if self.value() == self.everything:
            return queryset
        return queryset.filter(status=self.value())


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["short_body", "name", "article", "status", "reason_list", "created_at"]
    list_display_links = ["short_body"]
    list_filter = [StatusFilter, "article"]
    list_select_related = ["article"]
    search_fields = ["name", "email", "body", "article__title"]
    date_hierarchy = "created_at"
    actions = ["approve", "mark_spam", "remove", "return_to_pending"]
    fields = [
        "article", "parent", "name", "email", "body", "status", "reason_list",
        "created_at", "moderated_by", "moderated_at",
    ]
    readonly_fields = [
        "article", "parent", "name", "email", "body", "reason_list",
        "created_at", "moderated_by", "moderated_at",
    ]

    def has_add_permission(self, request):
        return False  # Comments come from readers, through the form.

    def save_model(self, request, obj, form, change):
        # Only the status is editable: saving it is a moderation decision.
        obj.moderate(obj.status, by=request.user)

    @admin.display(description="Comment")
    def short_body(self, comment):
        return truncatechars(comment.body, 80)

    @admin.display(description="Why the rules held or flagged it")
    def reason_list(self, comment):
        if not comment.reasons:
            return "—"
        return format_html(
            "<ul class='magpost-reasons'>{}</ul>",
            format_html_join("", "<li>{}</li>", ((r,) for r in comment.reasons)),
        )

    def moderate(self, request, queryset, change, label):
        for comment in queryset:
            change(comment, request.user)
            self.log_change(request, comment, f"{label} the comment.")
        self.message_user(request, f"{label} {len(queryset)} comment(s).", messages.SUCCESS)

    @admin.action(description="Approve selected comments", permissions=["moderate"])
    def approve(self, request, queryset):
        self.moderate(request, queryset, Comment.approve, "Approved")

    @admin.action(description="Mark selected comments as spam", permissions=["moderate"])
    def mark_spam(self, request, queryset):
        self.moderate(request, queryset, Comment.mark_spam, "Marked as spam")

    @admin.action(description="Remove selected comments", permissions=["moderate"])
    def remove(self, request, queryset):
        self.moderate(request, queryset, Comment.remove, "Removed")

    @admin.action(description="Return selected comments to pending", permissions=["moderate"])
    def return_to_pending(self, request, queryset):
        self.moderate(request, queryset, Comment.return_to_pending, "Returned to pending")

    def has_moderate_permission(self, request):
        return request.user.has_perm("comments.moderate_comment")


@admin.register(WordList)
class WordListAdmin(admin.ModelAdmin):
    list_display = ["kind", "updated_at"]
    change_form_template = "admin/comments/wordlist/change_form.html"
    tried_comments = 200

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST" and "_try" in request.POST:
            return self.try_words(request)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def try_words(self, request):
        """Show which recent comments the words would match, saving nothing."""
        if not (self.has_change_permission(request) or self.has_add_permission(request)):
            raise PermissionDenied
        entries = [line.strip() for line in request.POST.get("words", "").splitlines()]
        entries = [entry for entry in entries if entry]
        recent = Comment.objects.select_related("article")[: self.tried_comments]
        matches = [
            (comment, found) for comment in recent if (found := find_listed(comment.body, entries))
        ]
        return TemplateResponse(
            request,
            "admin/comments/wordlist/try.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": "Try a word list",
                "entries": entries,
                "matches": matches,
                "tried": len(recent),
                "kind": request.POST.get("kind", ""),
                "words": request.POST.get("words", ""),
            },
        )
