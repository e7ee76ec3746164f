"""Create the full-text index: a GIN index on PostgreSQL, an FTS5 table on SQLite.

Neither can be declared on the model, since each exists on one database only.
"""

from django.db import migrations

# vendor: (create, drop)
SQL = {
    "postgresql": (
        "CREATE INDEX article_search_vector ON articles_article "
        "USING gin (search_vector)",
        "DROP INDEX IF EXISTS article_search_vector",
    ),
    # The rowid is the article's id. Porter stemming finds "hive" in "hives".
    "sqlite": (
        "CREATE VIRTUAL TABLE articles_search USING fts5(title, summary, body, "
        "tokenize = 'porter unicode61 remove_diacritics 2')",
        "DROP TABLE IF EXISTS articles_search",
    ),
}


def create(apps, schema_editor):
    if statements := SQL.get(schema_editor.connection.vendor):
        schema_editor.execute(statements[0])


def drop(apps, schema_editor):
    if statements := SQL.get(schema_editor.connection.vendor):
        schema_editor.execute(statements[1])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0008_add_article_search_vector"),
    ]

    operations = [migrations.RunPython(create, drop)]
