from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from articles.models import Article
from articles.views import render_article

from . import moderation
from .forms import CommentForm
from .models import (
    PENDING_COOKIE,
    PENDING_COOKIE_AGE,
    PENDING_COOKIE_SALT,
    Comment,
    pending_ids,
)


@require_POST
def post_comment(request, slug):
    article = get_object_or_404(Article.objects.published(), slug=slug)
    if not article.accepts_comments():
        return render(
            request, "comments/closed.html", {"article": article}, status=403
        )
    if moderation.is_flooding(request):
        return render(
            request, "comments/too_many.html", {"article": article}, status=429
        )

    form = CommentForm(request.POST, article=article)
    if not form.is_valid():
        return render_article(request, slug, status=400, comment_form=form)

    verdict = moderation.assess(
        form.cleaned_data["body"],
        form.cleaned_data["email"],
        honeypot=form.cleaned_data["website"],
        timestamp=form.cleaned_data["timestamp"],
    )
    comment = form.save(commit=False)
    comment.status, comment.reasons = verdict.status, verdict.reasons
    try:
        with transaction.atomic():
            comment.save()
    except IntegrityError:
        # Posted twice (a double click, a resend): show the first one.
        first = Comment.objects.filter(
            article=article, email=comment.email, body_hash=comment.body_hash
        ).first()
        if first is None:
            raise
        comment = first
    else:
        if comment.is_pending():
            transaction.on_commit(comment.notify_moderators)

    return answer(request, comment)


def answer(request, comment):
    """Send the poster back to the article, telling them what happened."""
    url = comment.article.get_absolute_url()
    if comment.status == Comment.Status.APPROVED:
        messages.success(request, "Thank you: your comment is published.")
        return redirect(f"{url}#comment-{comment.pk}")
    # Spam is not announced as such: the sender is told what a held comment
    # would be told, and learns nothing about the rules.
    messages.info(request, "Thank you: your comment is awaiting moderation.")
    response = redirect(f"{url}#comments")
    if comment.status == Comment.Status.PENDING:
        ids = [*pending_ids(request), comment.pk][-20:]
        response.set_signed_cookie(
            PENDING_COOKIE,
            ",".join(map(str, ids)),
            salt=PENDING_COOKIE_SALT,
            max_age=PENDING_COOKIE_AGE,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return response
