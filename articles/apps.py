from django.apps import AppConfig


def content_changed(update_fields=None, **kwargs):
    from magpost.pagecache import content_changed

    if update_fields and set(update_fields) == {"last_login"}:
        return  # A login changes nothing a reader sees.
    content_changed()


class ArticlesConfig(AppConfig):
    name = "articles"

    def ready(self):
        # Tags and user names belong to taggit and Django's auth, whose models
        # cannot call us; their signals tell the page cache of changes.
        from taggit.models import Tag

        from django.contrib.auth import get_user_model
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from .models import Article

        for model in (Tag, get_user_model()):
            post_save.connect(content_changed, sender=model)
            post_delete.connect(content_changed, sender=model)
        m2m_changed.connect(content_changed, sender=Article.tags.through)
