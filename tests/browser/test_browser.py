"""Every page of the built site in Debian's chromium: charts drawn, no errors,
no request leaves 127.0.0.1."""

from support.browserkit import site_pages, visit, wait_drawn


def test_every_page_clean(browser, served, site):
    failures = []
    for rel in site_pages(site):
        page, report = visit(browser, f"{served}/{rel}")
        charts = page.locator(".oslo-chart")
        n = charts.count()
        if n:
            wait_drawn(page)  # scrolls to each chart: they are drawn when the reader comes near
            for i in range(n):
                chart = charts.nth(i)
                if chart.get_attribute("data-drawn") != "true":
                    failures.append(f"{rel}: figur {i + 1} ble ikke tegnet: {chart.inner_text()[:200]}")
                elif chart.locator("svg, canvas").count() == 0:
                    failures.append(f"{rel}: figur {i + 1} har ingen svg/canvas")
        page.wait_for_timeout(100)
        for key in ("outside", "errors", "console_errors"):
            if report[key]:
                failures.append(f"{rel}: {key}: {report[key]}")
        page.close()
    assert not failures, "\n".join(failures)


def test_chart_description_reaches_assistive_tech(browser, served):
    page, report = visit(browser, f"{served}/notebooks/01-rekordutflytting.html")
    wait_drawn(page)
    # The chart's box is one image named by the Norwegian description; Vega's drawing is hidden.
    page.wait_for_selector(".oslo-chart[data-drawn='true'][role='img']", timeout=10_000)
    chart = page.locator(".oslo-chart[role='img']").first
    assert chart.get_attribute("aria-label").startswith("Linjediagram over Oslos")
    assert chart.locator(".oslo-vega").get_attribute("aria-hidden") == "true"
    page.close()


def test_a_broken_chart_is_visible_as_one(browser, served):
    page, report = visit(browser, f"{served}/notebooks/01-rekordutflytting.html")
    wait_drawn(page)
    page.evaluate("""() => {
        const s = document.querySelector('script.oslo-vega-spec');
        s.textContent = '{"marks": [{"type": "symbol", "from": {"data": "finnes-ikke"}}]}';
        document.documentElement.setAttribute('data-theme', 'dark');
    }""")
    page.wait_for_selector(".oslo-chart.oslo-chart-feil", timeout=10_000)
    assert "kunne ikke tegnes" in page.locator(".oslo-feilmelding").first.inner_text()
    # The static image stands in for the chart that failed.
    assert page.locator(".oslo-chart-feil img.oslo-statisk").first.is_visible()
    page.close()
