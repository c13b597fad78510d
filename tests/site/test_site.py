"""What helpers.site.theme and helpers.site.vega leave in the built pages: Norwegian
labels on the theme's controls, figures with their files, pages light enough."""

import re

PAGE_LIMIT = 200 * 1024
ENGLISH = [
    "Skip to main content",
    "Back to top",
    "On this page",
    "Site navigation",
    "Color mode",
    "Toggle primary sidebar",
    "Toggle secondary sidebar",
    "Download this page",
    "Print to PDF",
    "Download source file",
    "Link to this heading",
    "Link to this image",
    "previous page",
    "next page",
    'aria-label="Main"',
    'aria-label="Page"',
    "System Settings",
    "Launch interactive content",
    "Launch on",
    "Copyright",
    ">Index<",
]


def pages(site):
    # The root index.html is our own bare redirect page.
    return sorted(p for p in site.rglob("*.html") if "_static" not in p.parts and p != site / "index.html")


def test_theme_controls_speak_norwegian(site):
    for page in pages(site):
        html = page.read_text(encoding="utf-8")
        left = [s for s in ENGLISH if s in html]
        assert not left, f"{page.relative_to(site)}: {left}"


def test_search_field_is_named_by_its_visible_text(site):
    html = (site / "book" / "intro.html").read_text(encoding="utf-8")
    buttons = re.findall(r'<button class="btn search-button-field[^>]*>', html)
    assert buttons and all("aria-label" not in b for b in buttons)
    assert 'aria-label="Bytt fargemodus' in html


def test_chart_pages_stay_light_and_every_figure_has_its_files(site):
    for page in pages(site):
        html = page.read_text(encoding="utf-8")
        assert len(html.encode()) <= PAGE_LIMIT, f"{page.relative_to(site)}: {len(html.encode())} bytes"
        assert "data:text/csv" not in html, "the build should have turned the CSV into a file"
        for name in re.findall(r"<div class='oslo-figur' data-figur='([^']+)'", html):
            for file_name in (
                f"{name}.csv",
                f"{name}.png",
                f"{name}.svg",
                f"{name}-visning.svg",
                f"{name}-visning-mork.svg",
                f"{name}-visning-smal.svg",
                f"{name}-visning-smal-mork.svg",
            ):
                assert (site / "_static" / "figurer" / file_name).is_file(), file_name
