"""Whatever an editor pastes, the sanitiser's output is safe and stable."""

from html.parser import HTMLParser

from hypothesis import example, given, settings, strategies as st

from articles.richtext import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, sanitize

VOID = {"br", "hr"}
HOSTILE = [
    "<script>alert(1)</script>", "<SCRIPT SRC=//evil.example/x.js>", "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">', '<a href="JaVaScRiPt&colon;alert(1)">', '<a href="java\tscript:x">',
    '<a href="data:text/html;base64,PHNjcmlwdD4=">', '<p style="width: expression(alert(1))">',
    '<div style="background:url(javascript:alert(1))">', "<svg onload=alert(1)>", "<iframe src=//x>",
    "<!--", "-->", "<![CDATA[", "]]>", "</p>", "<p>", "<b>", "</b>", "<a href='https://ok.example'>",
    '"', "'", ">", "<", "&", "&amp;", "&#x3C;script&#x3E;", "<math><mi xlink:href=javascript:1>",
    "<form action=javascript:1><button>", "<base href=//evil.example>", "<meta http-equiv=refresh>",
    "<style>body{}</style>", "<object data=x>", "<embed src=x>", "<template><script>1</script></template>",
]

markup = st.lists(st.one_of(st.text(max_size=20), st.sampled_from(HOSTILE)), max_size=25).map("".join)


class Inspector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open, self.problems = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"tag {tag}")
        for name, value in attrs:
            allowed = ALLOWED_ATTRIBUTES.get(tag, set()) | ({"rel"} if tag == "a" else set())
            if name not in allowed:
                self.problems.append(f"attribute {name}")
            if name == "href":
                scheme = "".join(value.split()).lower().split(":", 1)
                if len(scheme) == 2 and scheme[0] not in {"http", "https", "mailto"}:
                    self.problems.append(f"scheme {scheme[0]}")
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if not self.open or self.open.pop() != tag:
            self.problems.append(f"unbalanced </{tag}>")

    def handle_comment(self, data):
        self.problems.append("comment")


@settings(max_examples=400, deadline=None)
@given(markup)
@example('<IFRAME><p style="width: expression(alert(1))">')
def test_sanitised_html_has_only_allowed_markup_and_is_balanced(dirty):
    clean = sanitize(dirty)
    inspector = Inspector()
    inspector.feed(clean)
    inspector.close()
    assert inspector.problems == []
    assert inspector.open == []
    # Hostile markup may survive only as escaped text, never as markup.
    assert "<script" not in clean.lower()
    assert "<style" not in clean.lower()


@settings(max_examples=400, deadline=None)
@given(markup)
@example('<a href="javascript:alert(1)"><OBJECT><a href="javascript:alert(1)">')
def test_sanitising_twice_equals_sanitising_once(dirty):
    once = sanitize(dirty)
    assert sanitize(once) == once
