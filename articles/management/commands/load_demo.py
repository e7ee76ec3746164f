from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from articles import demo_content
from articles.models import Article, NetworkLink, Section, Takeaway
from comments.models import Comment

DEMO_PASSWORD = "magpost-demo-2026"
ACCOUNTS = [
    # username, first name, last name, staff, group
    ("editor", "Elena", "Marsh", True, "Editors"),
    ("moderator", "Sam", "Okafor", True, "Moderators"),
    ("writer", "Ruth", "Aldane", False, None),
]


def paragraphs(texts):
    return "".join(f"<p>{escape(text)}</p>" for text in texts)


class Command(BaseCommand):
    help = (
        "Fill an empty database with demo articles, network links and accounts. "
        "Running it again changes nothing."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            accounts = {row[0]: self.account(*row) for row in ACCOUNTS}
            links = {
                title: NetworkLink.objects.get_or_create(
                    url=url, defaults={"site_name": site, "title": title}
                )[0]
                for site, title, url in demo_content.NETWORK_LINKS
            }
            authors = [accounts["editor"], accounts["writer"]]
            created = 0
            for number, data in enumerate(demo_content.ARTICLES):
                if not Article.objects.filter(slug=data["slug"]).exists():
                    self.article(data, authors[number % len(authors)], links)
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

    def article(self, data, author, links):
        article = Article.objects.create(
            title=data["title"],
            slug=data["slug"],
            author=author,
            lead=paragraphs(data["lead"]),
            meta_description=data["meta_description"],
            status=Article.Status.PUBLISHED,
            published_at=timezone.now() - timedelta(days=data["days_ago"]),
            takeaways_aspect_label=data["takeaways_header"][0],
            takeaways_highlight_label=data["takeaways_header"][1],
        )
        for order, (level, heading, texts) in enumerate(data["sections"]):
            Section.objects.create(
                article=article,
                level=level,
                heading=heading,
                body=paragraphs(texts),
                order=order,
            )
        for order, (aspect, highlight) in enumerate(data["takeaways"]):
            Takeaway.objects.create(
                article=article, aspect=aspect, highlight=highlight, order=order
            )
        article.tags.add(*data["tags"])
        article.pinned_links.add(*(links[title] for title in data["network"]))
        for hours, (name, email, body, status) in enumerate(data["comments"], 1):
            Comment.objects.create(
                article=article,
                name=name,
                email=email,
                body=body,
                status=status,
                created_at=article.published_at + timedelta(hours=hours * 5),
            )
        return article
