from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"

    def ready(self):
        # Tags and user names belong to taggit and Django's auth, whose models
        # cannot call us; their signals tell the page cache of changes.
        from django.contrib.auth import get_user_model
        from django.db.models.signals import m2m_changed, post_delete, post_save
        from taggit.models import Tag

        from magpost.pagecache import content_changed

        from .models import Article

        def changed(update_fields=None, **kwargs):
            if update_fields and set(update_fields) == {"last_login"}:
                return  # A login changes nothing a reader sees.
            content_changed()

        for model in (Tag, get_user_model()):
            post_save.connect(changed, sender=model, dispatch_uid=f"pages-{model}-saved")
            post_delete.connect(changed, sender=model, dispatch_uid=f"pages-{model}-gone")
        m2m_changed.connect(
            changed, sender=Article.tags.through, dispatch_uid="pages-article-tags"
        )
