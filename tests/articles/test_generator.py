import pytest

from django.core.management import CommandError, call_command
from django.db.models import Max, Min

from articles.models import Article, Section, TaggedArticle, Takeaway
from articles.richtext import render_body
from comments.models import Comment, body_html

pytestmark = pytest.mark.django_db


def test_generate_content_fills_a_realistic_magazine(capsys):
    call_command("generate_content", "--articles", "60", "--comments", "400")

    assert Article.objects.count() == 60
    assert Comment.objects.count() == 400
    assert Section.objects.filter(level=2).count() >= 3 * 60
    assert Section.objects.filter(level=3).exists()
    assert Takeaway.objects.count() >= 4 * 60
    assert TaggedArticle.objects.count() >= 2 * 60
    assert set(Comment.objects.values_list("status", flat=True)) == {"approved", "pending", "spam", "removed"}
    assert Comment.objects.filter(parent__isnull=False).exists()
    span = Article.objects.published().aggregate(first=Min("published_at"), last=Max("published_at"))
    assert (span["last"] - span["first"]).days > 365
    assert Article.objects.filter(word_count__gt=200).count() == 60
    output = capsys.readouterr().out
    assert "[##############################] 60/60" in output
    assert "Generated 60 articles and 400 comments" in output


def test_generated_articles_render(client):
    call_command("generate_content", "--articles", "5", "--comments", "20")
    article = Article.objects.published().first()
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert article.sections.first().heading in response.content.decode()


def test_generate_content_refuses_nonsense_sizes():
    with pytest.raises(CommandError):
        call_command("generate_content", "--articles", "0")


def test_generated_articles_are_found_by_search():
    call_command("generate_content", "--articles", "12", "--comments", "0")
    article = Article.objects.published().first()
    word = article.sections.first().heading.split()[-1]
    assert article in Article.objects.published().search(word)


def test_generated_rows_store_the_html_that_saving_them_would():
    """Bulk inserts skip save(), so the generator renders bodies itself."""
    call_command("generate_content", "--articles", "3", "--comments", "10")
    for article in Article.objects.all():
        assert article.body_html == render_body(article, *article.parts())
    for comment in Comment.objects.all():
        assert comment.body_html == body_html(comment.body)
