"""Full-text search: what is indexed, how queries are cleaned, what is marked.

PostgreSQL keeps a weighted `tsvector` on each article (GIN-indexed);
SQLite keeps an FTS5 table, `articles_search`, whose rowid is the article's
id. `ArticleQuerySet.search()` and `Article.update_search_index()` choose
between them; this module holds the text and SQL they share.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.contrib.postgres.search import SearchVector
from django.db.models import FloatField, Value
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .richtext import WORD, plain_text

FTS_TABLE = "articles_search"
# Column weights for FTS5's bm25(), in the table's column order. They follow
# PostgreSQL's default weights for the A, B and C labels (1.0, 0.4, 0.2), so
# both databases rank a title match above many matches in the body.
FTS_WEIGHTS = (10.0, 4.0, 2.0)

# Letters and digits only: FTS5's tokenizer splits on everything else, and
# nothing else can change the meaning of a query.
TERM = re.compile(r"[^\W_]+")
CONTROL = re.compile(r"[\x00-\x1f\x7f\ufffe\uffff]")
# Endings a marked word may add to a query word's stem ("hive" → "hives").
ENDINGS = ("", "s", "es", "e", "ed", "d", "ing", "er", "ers", "ly")


@dataclass(frozen=True)
class Document:
    """An article's plain text by weight: title; lead and headings; the rest."""

    title: str
    summary: str
    body: str

    def word_count(self):
        """Words a reader reads: lead, headings, section bodies and takeaways."""
        return len(WORD.findall(self.summary)) + len(WORD.findall(self.body))


def document(title, lead, sections, takeaways):
    """The Document for an article, from its (heading, body) and takeaway rows."""
    headings = [heading for heading, _ in sections]
    bodies = [plain_text(body) for _, body in sections]
    rows = [f"{aspect}: {highlight}" for aspect, highlight in takeaways]
    return Document(
        title=title,
        summary="\n".join([plain_text(lead), *headings]),
        body="\n".join([*bodies, *rows]),
    )


def postgres_vector(doc):
    """The weighted tsvector expression that PostgreSQL stores for `doc`."""
    config = settings.MAGPOST_SEARCH_CONFIG
    return (
        SearchVector(Value(doc.title), weight="A", config=config)
        + SearchVector(Value(doc.summary), weight="B", config=config)
        + SearchVector(Value(doc.body), weight="C", config=config)
    )


def sqlite_ranked(connection, terms, limit):
    """The best `limit` matches in SQLite's index: {article id: score}.

    bm25() is lower for better matches, so scores are negated.
    """
    weights = ", ".join(map(str, FTS_WEIGHTS))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid, -bm25({FTS_TABLE}, {weights}) FROM {FTS_TABLE} "
            f"WHERE {FTS_TABLE} MATCH %s ORDER BY 2 DESC LIMIT %s",
            [fts5_match(terms), limit],
        )
        return dict(cursor.fetchall())


def sqlite_rank(connection, model, ranked):
    """Each article's score from `ranked`, as one SQL CASE on its id.

    Built as raw SQL because hundreds of Django When() nodes cost tens of
    milliseconds to build and compile; this costs one string join.
    """
    quote = connection.ops.quote_name
    column = f"{quote(model._meta.db_table)}.{quote(model._meta.pk.column)}"
    whens = " ".join(["WHEN %s THEN %s"] * len(ranked))
    params = [value for pair in ranked.items() for value in pair]
    return RawSQL(f"CASE {column} {whens} ELSE 0.0 END", params, FloatField())


def write_sqlite_index(cursor, article_id, doc):
    """Replace the article's row in SQLite's FTS5 table."""
    cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [article_id])
    cursor.execute(
        f"INSERT INTO {FTS_TABLE} (rowid, title, summary, body) "
        "VALUES (%s, %s, %s, %s)",
        [article_id, doc.title, doc.summary, doc.body],
    )


def clean_query(query):
    """The query as typed, without control characters, cut to a sane length."""
    query = CONTROL.sub(" ", query or "")[: settings.MAGPOST_SEARCH_MAX_LENGTH]
    return " ".join(query.split())


def query_terms(query):
    """The words of a query, case-folded, each once, in the order typed."""
    return list(dict.fromkeys(t.casefold() for t in TERM.findall(clean_query(query))))


def fts5_match(terms):
    """An FTS5 query finding rows that contain every term.

    Each term is a quoted string, so words like AND, NEAR or a stray `*`
    are searched for instead of being read as FTS5 syntax.
    """
    return " ".join('"{}"'.format(term.replace('"', '""')) for term in terms)


def stem(term):
    """A query word without a common English ending, for marking its forms."""
    for ending in ("ing", "ed", "es", "s"):
        if term.endswith(ending) and len(term) - len(ending) >= 3:
            return term[: -len(ending)]
    return term


def is_match(word, stems):
    word = word.casefold()
    return any(word.startswith(stem) and word[len(stem) :] in ENDINGS for stem in stems)


def highlight(text, terms):
    """`text`, escaped, with the words that match a query word in <mark>.

    The database decides what matches; this only marks the words a reader
    will recognise as theirs, allowing for plurals and common endings.
    """
    stems = [stem(term) for term in terms]
    pieces, start = [], 0
    for word in TERM.finditer(text):
        if is_match(word.group(), stems):
            pieces += [
                escape(text[start : word.start()]),
                "<mark>",
                escape(word.group()),
                "</mark>",
            ]
            start = word.end()
    pieces.append(escape(text[start:]))
    return mark_safe("".join(pieces))


def excerpt(text, terms, words):
    """About `words` words of `text` around the first query word, marked."""
    stems = [stem(term) for term in terms]
    tokens = text.split()
    first = next(
        (
            number
            for number, token in enumerate(tokens)
            if any(is_match(word, stems) for word in TERM.findall(token))
        ),
        0,
    )
    begin = max(0, min(first - words // 3, len(tokens) - words))
    end = begin + words
    marked = highlight(" ".join(tokens[begin:end]), terms)
    before = "… " if begin > 0 else ""
    after = " …" if end < len(tokens) else ""
    return mark_safe(f"{before}{marked}{after}")
