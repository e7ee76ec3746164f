"""Data migrations that fill stored HTML for rows written before it was stored."""

from importlib import import_module

from django.apps import apps

from articles.models import Article
from articles.richtext import render_body
from comments.models import Comment, body_html

from ..factories import make_article


def run(migration):
    app, name = migration.split(".")
    import_module(f"{app}.migrations.{name}").fill(apps, None)


def test_article_bodies_are_rendered_for_articles_stored_without_one(author):
    articles = [make_article(author=author), make_article(author=author, sections=0)]
    Article.objects.update(body_html="")

    run("articles.0012_fill_article_body_html")

    for article in articles:
        article.refresh_from_db()
        assert article.body_html == render_body(article, *article.parts())
        assert article.body_html.startswith('<div class="lead">')


def test_comment_html_is_made_for_comments_stored_without_it(article):
    comment = Comment.objects.create(
        article=article, name="Ola", email="ola@example.com", body="See https://example.com\nor not"
    )
    Comment.objects.update(body_html="")

    run("comments.0005_fill_comment_body_html")

    comment.refresh_from_db()
    assert comment.body_html == body_html(comment.body)
    assert 'rel="nofollow ugc noopener"' in comment.body_html
    assert "<br>" in comment.body_html
