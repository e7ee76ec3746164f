from urllib.parse import unquote_to_bytes

from csp.middleware import CSPMiddleware

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp, with the admin's own policy for pages under the admin."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path.startswith(reverse("admin:index")):
            parts.config = parts.config or settings.MAGPOST_ADMIN_CSP
        return parts


class ReadableErrorsMiddleware:
    """Give bare error answers (405, 400 from a view) a page a reader can read."""

    templates = {400: "400.html", 405: "405.html"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        template = self.templates.get(response.status_code)
        if template and not response.content and request.method != "HEAD":
            readable = render(request, template, status=response.status_code)
            for header in ("Allow",):
                if header in response:
                    readable[header] = response[header]
            return readable
        return response


class RejectBrokenUtf8Middleware:
    """Answer 400 to a query string or form whose bytes are not UTF-8.

    Django would decode them with replacement characters, silently storing
    mangled text; refusing says plainly what went wrong.
    """

    form_type = "application/x-www-form-urlencoded"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        encoded = [request.META.get("QUERY_STRING", "")]
        if request.content_type == self.form_type:
            encoded.append(request.body.decode("latin-1"))
        for text in encoded:
            try:
                unquote_to_bytes(text.replace("+", " ")).decode("utf-8")
            except UnicodeDecodeError:
                return render(request, "400.html", status=400)
        return self.get_response(request)
