from django.core.management.base import BaseCommand, CommandError
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from comments.models import Comment
from magpost import pagecache


class Command(BaseCommand):
    help = (
        "Erase every comment left with an email address, for a commenter who "
        "asks to be forgotten. Replies others wrote to them stay, as top-level "
        "comments."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="The commenter's email address.")

    def handle(self, *args, email, **options):
        try:
            validate_email(email.strip())
        except ValidationError:
            raise CommandError(f"“{email}” is not an email address; check the spelling.")
        with transaction.atomic():
            comments = Comment.objects.by_email(email)
            slugs = set(comments.values_list("article__slug", flat=True))
            count = comments.count()
            comments.delete()
            for slug in slugs:
                pagecache.comments_changed(slug)
        self.stdout.write(f"Erased {count} comment(s) left with {email.strip()}.")
