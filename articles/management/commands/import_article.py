from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles.importer import ParseError, read_article
from articles.models import Article


class Command(BaseCommand):
    help = (
        "Import an article from a plain-text export (title, `- ` date line, "
        "paragraphs, headings, a takeaways table, a “From our network” list) or "
        "from Markdown. It is saved as a draft unless --publish; the last line "
        "printed is the article's address."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The file to import, in UTF-8.")
        parser.add_argument(
            "--format",
            choices=["text", "markdown"],
            help="How to read the file. By default .md and .markdown files are "
            "Markdown and any other file is plain text.",
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish the article, dated as in the file (or now), instead of "
            "saving it as a draft.",
        )
        parser.add_argument(
            "--author",
            metavar="USERNAME",
            help="The article's author. Without it: the current author when "
            "replacing, otherwise the site's only superuser.",
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Replace the content of the article that has the same slug.",
        )

    def handle(self, *args, **options):
        try:
            data = read_article(options["path"], format=options["format"])
        except ParseError as error:
            raise CommandError(str(error)) from error
        with transaction.atomic():
            existing = Article.objects.filter(slug=data.slug).first()
            if existing and not options["replace"]:
                raise CommandError(
                    f"An article with the slug “{data.slug}” already exists "
                    f"({existing.get_absolute_url()}). Add --replace to replace "
                    "its content, or change the title in the file."
                )
            article, left_out = Article.objects.create_from(
                data,
                author=self.author(options["author"], existing),
                publish=options["publish"],
                replace=options["replace"],
            )
        if article.is_published():
            state = "published"
        elif article.status == Article.Status.PUBLISHED:
            state = "scheduled"
        else:
            state = "draft"
        sections = [section.level for section in data.sections]
        self.stdout.write(
            f"{'Replaced' if existing else 'Imported'} “{article.title}” "
            f"({state}): {sections.count(2)} sections, "
            f"{sections.count(3)} subsections, {len(data.takeaways)} key "
            f"takeaways, {len(data.network_titles) - len(left_out)} network "
            "links pinned."
        )
        if left_out:
            self.stdout.write(
                "Left out of “From our network”, as no network link has these "
                "titles (add the links in the admin, then pin them):"
            )
            for title in left_out:
                self.stdout.write(f"  - {title}")
        self.stdout.write(article.get_absolute_url())

    def author(self, username, existing):
        User = get_user_model()
        if username:
            try:
                return User.objects.get(**{User.USERNAME_FIELD: username})
            except User.DoesNotExist:
                raise CommandError(
                    f"There is no user “{username}”. Check the spelling, or "
                    "create the account first."
                ) from None
        if existing:
            return existing.author
        superusers = list(User.objects.filter(is_superuser=True)[:2])
        if len(superusers) == 1:
            return superusers[0]
        raise CommandError(
            "Say who wrote the article with --author USERNAME. It can be left "
            f"out only when the site has exactly one superuser, and it has "
            f"{'none' if not superusers else 'several'}."
        )
