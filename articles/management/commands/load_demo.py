from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from articles import demo_content
from articles.importer import ArticleData, SectionData
from articles.models import Article, NetworkLink
from comments.models import Comment

DEMO_PASSWORD = "magpost-demo-2026"
ACCOUNTS = [
    # username, first name, last name, staff, group
    ("editor", "Elena", "Marsh", True, "Editors"),
    ("moderator", "Sam", "Okafor", True, "Moderators"),
    ("writer", "Ruth", "Aldane", False, None),
]


class Command(BaseCommand):
    help = (
        "Fill an empty database with demo articles, network links and accounts. "
        "Running it again changes nothing."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            accounts = {row[0]: self.account(*row) for row in ACCOUNTS}
            for site, title, url in demo_content.NETWORK_LINKS:
                NetworkLink.objects.get_or_create(
                    url=url, defaults={"site_name": site, "title": title}
                )
            authors = [accounts["editor"], accounts["writer"]]
            created = 0
            for number, data in enumerate(demo_content.ARTICLES):
                if not Article.objects.filter(slug=data["slug"]).exists():
                    article, _ = Article.objects.create_from(
                        self.article_data(data),
                        author=authors[number % len(authors)],
                        publish=True,
                    )
                    self.add_comments(article, data["comments"])
                    created += 1
        self.stdout.write(
            f"Demo content: {created} new article(s), "
            f"{Article.objects.count()} in all."
        )
        if settings.DEBUG:
            self.stdout.write("Demo logins for /admin/ (development only):")
            for username, *_, staff, group in ACCOUNTS:
                if staff:
                    self.stdout.write(f"  {group}: {username} / {DEMO_PASSWORD}")
        else:
            self.stdout.write("Demo passwords are shown only with DJANGO_DEBUG=1.")

    def account(self, username, first_name, last_name, is_staff, group):
        user, created = get_user_model().objects.get_or_create(
            username=username,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "email": f"{username}@magpost.example",
                "is_staff": is_staff,
            },
        )
        if created:
            if is_staff:
                user.set_password(DEMO_PASSWORD)
            else:
                user.set_unusable_password()
            user.save()
            if group:
                user.groups.add(Group.objects.get(name=group))
        return user

    def article_data(self, data):
        return ArticleData(
            title=data["title"],
            slug=data["slug"],
            published_on=timezone.localdate() - timedelta(days=data["days_ago"]),
            lead=data["lead"],
            sections=[SectionData(*section) for section in data["sections"]],
            takeaways_header=data["takeaways_header"],
            takeaways=data["takeaways"],
            network_titles=data["network"],
            tags=data["tags"],
            meta_description=data["meta_description"],
        )

    def add_comments(self, article, comments):
        for hours, (name, email, body, status) in enumerate(comments, 1):
            Comment.objects.create(
                article=article,
                name=name,
                email=email,
                body=body,
                status=status,
                created_at=article.published_at + timedelta(hours=hours * 5),
            )
