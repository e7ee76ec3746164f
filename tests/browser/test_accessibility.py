import re

import pytest
from playwright.sync_api import expect

from ..factories import make_article, make_comment

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# WCAG 2.1 contrast of every visible piece of text against the colours
# actually painted behind it, from the browser's computed styles.
CONTRAST_FAILURES = """
() => {
  const parse = (value) => {
    const parts = value.match(/[\\d.]+/g).map(Number);
    const alpha = parts.length > 3 ? parts[3] : 1;
    return { r: parts[0], g: parts[1], b: parts[2], a: alpha };
  };
  const over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a),
    a: 1,
  });
  const background = (element) => {
    const layers = [];
    for (let e = element; e; e = e.parentElement) {
      const colour = parse(getComputedStyle(e).backgroundColor);
      if (colour.a > 0) layers.push(colour);
      if (colour.a >= 1) break;
    }
    return layers.reverse().reduce((below, layer) => over(layer, below),
                                   { r: 255, g: 255, b: 255, a: 1 });
  };
  const luminance = ({ r, g, b }) => {
    const channel = (v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const failures = [];
  const seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const element = walker.currentNode.parentElement;
    if (!walker.currentNode.textContent.trim() || seen.has(element)) continue;
    seen.add(element);
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    if (style.visibility !== "visible" || box.width < 2 || box.height < 2) continue;
    const back = background(element);
    const fore = over(parse(style.color), back);
    const [light, dark] = [luminance(fore), luminance(back)].sort((x, y) => y - x);
    const ratio = (light + 0.05) / (dark + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (parseInt(style.fontWeight) >= 700 && size >= 18.66);
    if (ratio < (large ? 3 : 4.5)) {
      const text = element.textContent.trim().slice(0, 30);
      failures.push(`${element.tagName}.${element.className} "${text}" ${ratio.toFixed(2)}`);
    }
  }
  return failures;
}
"""


@pytest.fixture
def article(author):
    article = make_article(author=author, tags=["trains"])
    make_article(title="Another quiet place", tags=["trains"])
    make_comment(article, name="Rosa")
    return article


def test_tab_reaches_the_skip_link_first(page, article):
    """The first Tab shows the skip link; Enter moves focus to the content."""
    page.goto(article.get_absolute_url())
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("#main$"))
    expect(page.locator("main")).to_be_focused()


def test_contents_links_work_from_the_keyboard(page, article):
    """Enter on a contents link jumps to its section."""
    page.goto(article.get_absolute_url())
    section = article.sections.all()[1]
    link = page.get_by_role("navigation", name="Contents").get_by_role(
        "link", name=section.heading
    )
    link.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(f"#{section.anchor}$"))
    expect(page.locator(f"#{section.anchor}")).to_be_in_viewport()


def test_comment_form_is_filled_from_the_keyboard(page, article):
    """Tab walks the form's fields in order, past the hidden honeypot."""
    page.goto(article.get_absolute_url())
    form = page.locator("#comment-form")
    form.get_by_label("Name").focus()
    page.keyboard.type("Rosa Ferry")
    page.keyboard.press("Tab")
    expect(form.get_by_label("Email")).to_be_focused()
    page.keyboard.press("Tab")
    expect(form.get_by_label("Comment")).to_be_focused()
    page.keyboard.press("Tab")
    expect(form.get_by_role("button", name="Post comment")).to_be_focused()
    expect(form.get_by_label("Leave this field empty")).not_to_be_in_viewport()


def test_keyboard_focus_is_visible(page, article):
    """A focused link wears a solid outline at least 2px wide."""
    page.goto(article.get_absolute_url())
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return [document.activeElement.tagName, s.outlineStyle, s.outlineWidth]; }"
    )
    assert outline[0] == "A"
    assert outline[1] == "solid"
    assert float(outline[2].removesuffix("px")) >= 2


@pytest.mark.parametrize("path", ["/", "article", "/search/?q=quiet", "/tags/trains/"])
def test_text_contrast_passes_wcag_aa(page, article, path):
    """Every visible text has 4.5:1 contrast (3:1 when large) with its background."""
    page.goto(article.get_absolute_url() if path == "article" else path)
    assert page.evaluate(CONTRAST_FAILURES) == []
