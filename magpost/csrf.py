"""CSRF tokens for the comment form, drawn in one read of the OS's randomness.

Every new reader of a cached article gets a CSRF cookie and a masked token.
Django's `get_token()` picks their 64 characters one `secrets.choice()` at a
time, each a separate read of the OS's randomness, which cost a page-cache
hit about a sixth of its time. `get_token()` here returns the same kind of
token with the same effect on the request: a secret and a mask of uniformly
random letters and digits from `secrets`, and the cookie set or renewed by
`CsrfViewMiddleware` on the way out. Django's middleware checks the tokens.
"""

import secrets

from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH

CHARS = CSRF_ALLOWED_CHARS
POSITION = {char: index for index, char in enumerate(CHARS)}
# Random bytes from this value up are dropped, so that each character stays
# equally likely: 248 is the largest multiple of the 62 characters below 256.
LIMIT = 256 - 256 % len(CHARS)


def random_string(length):
    """`length` letters and digits, each drawn uniformly."""
    picked = []
    while len(picked) < length:
        picked += [
            CHARS[byte % len(CHARS)]
            for byte in secrets.token_bytes(length + 8)
            if byte < LIMIT
        ]
    return "".join(picked[:length])


def get_token(request):
    """The request's CSRF token, as `django.middleware.csrf.get_token()`
    gives it: the visitor's secret (a new one if they have no cookie), masked
    afresh, and the cookie marked to be sent."""
    secret = request.META.get("CSRF_COOKIE") or random_string(CSRF_SECRET_LENGTH)
    request.META.update({"CSRF_COOKIE": secret, "CSRF_COOKIE_NEEDS_UPDATE": True})
    mask = random_string(CSRF_SECRET_LENGTH)
    cipher = "".join(
        CHARS[(POSITION[s] + POSITION[m]) % len(CHARS)] for s, m in zip(secret, mask)
    )
    return mask + cipher
