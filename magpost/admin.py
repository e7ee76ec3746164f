from django.conf import settings
from django.contrib import admin


class MagpostAdminSite(admin.AdminSite):
    """The newsroom: Django's admin, with the moderation queue on its index."""

    site_title = "Magpost"
    index_title = "Newsroom"

    def each_context(self, request):
        self.site_header = f"{settings.MAGPOST_SITE_NAME} newsroom"
        return super().each_context(request)

    def index(self, request, extra_context=None):
        from comments.models import Comment

        context = {}
        if request.user.has_perm("comments.view_comment"):
            context["pending_comments"] = Comment.objects.pending().count()
        return super().index(request, {**context, **(extra_context or {})})
