from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from comments.models import Comment


class Command(BaseCommand):
    help = "Delete comments marked as spam that are older than the retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Keep spam younger than this many days "
            "(default: COMMENTS_SPAM_RETENTION_DAYS).",
        )

    def handle(self, *args, days, **options):
        days = settings.COMMENTS_SPAM_RETENTION_DAYS if days is None else days
        if days < 0:
            raise CommandError("--days must be zero or more.")
        cutoff = timezone.now() - timedelta(days=days)
        count, _ = Comment.objects.spam().filter(created_at__lt=cutoff).delete()
        self.stdout.write(f"Deleted {count} spam comment(s) older than {days} day(s).")
