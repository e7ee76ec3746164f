"""
The rules a new comment goes through before anyone sees it.

Three questions, asked in order: is it spam? should a moderator see it first?
otherwise it is approved. Each rule adds a reason, kept with the comment.
"""

import re
import time
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.core import signing
from django.core.cache import cache

from magpost.clients import client_address

from .models import Comment, WordList

LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
WORD = re.compile(r"\w+")
TIMESTAMP_SALT = "comments.form-timestamp"


@dataclass
class Verdict:
    status: str
    reasons: list = field(default_factory=list)


def words_of(text):
    """Case-folded, NFKC-normalised words, so look-alike forms compare equal."""
    return WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def find_listed(text, entries):
    """The entries (words or phrases) that occur in `text` as whole words."""
    padded = " " + " ".join(words_of(text)) + " "
    found = []
    for entry in entries:
        phrase = " ".join(words_of(entry))
        if phrase and f" {phrase} " in padded:
            found.append(entry)
    return found


def word_list(kind):
    """The words of a list: the setting's defaults plus what moderators added."""
    defaults = {
        WordList.Kind.HOLD: settings.COMMENTS_MODERATION_WORDS,
        WordList.Kind.BLOCK: settings.COMMENTS_BLOCK_WORDS,
    }[kind]
    stored = WordList.objects.filter(kind=kind).first()
    return [*defaults, *(stored.entries() if stored else [])]


def sign_timestamp(now=None):
    return signing.dumps(now if now is not None else time.time(), salt=TIMESTAMP_SALT)


def seconds_since_form(token):
    """Seconds since the form was rendered, or None when the token is forged."""
    try:
        rendered = signing.loads(token, salt=TIMESTAMP_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(rendered, (int, float)):
        return None
    return time.time() - rendered


def spam_reasons(body, honeypot, timestamp):
    reasons = []
    if honeypot:
        reasons.append("The hidden honeypot field was filled in.")
    if settings.COMMENTS_MIN_SECONDS:
        elapsed = seconds_since_form(timestamp)
        if elapsed is None:
            reasons.append("The form's timestamp is missing or forged.")
        elif elapsed < settings.COMMENTS_MIN_SECONDS:
            reasons.append(f"Sent {elapsed:.1f} s after the form was shown.")
    for entry in find_listed(body, word_list(WordList.Kind.BLOCK)):
        reasons.append(f"Contains the blocked word “{entry}”.")
    return reasons


def hold_reasons(body, email):
    reasons = []
    links = len(LINK.findall(body))
    if links > settings.COMMENTS_MAX_LINKS:
        reasons.append(f"Contains {links} links.")
    for entry in find_listed(body, word_list(WordList.Kind.HOLD)):
        reasons.append(f"Contains the moderated word “{entry}”.")
    if not Comment.objects.approved().by_email(email).exists():
        reasons.append("First comment from this email address.")
    return reasons


def assess(body, email, honeypot="", timestamp=""):
    """Decide a new comment's status, with the reasons the rules gave."""
    reasons = spam_reasons(body, honeypot, timestamp)
    if reasons:
        return Verdict(Comment.Status.SPAM, reasons)
    reasons = hold_reasons(body, email)
    if reasons:
        return Verdict(Comment.Status.PENDING, reasons)
    return Verdict(Comment.Status.APPROVED)


def is_flooding(request):
    """Count this post against the client's limit; True when it is over."""
    limit = settings.COMMENTS_RATE_LIMIT
    if not limit or limit == "0":
        return False
    count, _, window = limit.partition("/")
    count, window = int(count), int(window or 60)
    if count == 0:
        return False
    key = "comments:flood:" + signing.salted_hmac(
        "comments.flood", client_address(request)
    ).hexdigest()
    # add() only creates the counter: the window starts at the first post.
    cache.add(key, 0, timeout=window)
    try:
        posts = cache.incr(key)
    except ValueError:  # The counter expired between add() and incr().
        cache.set(key, 1, timeout=window)
        posts = 1
    return posts > count
