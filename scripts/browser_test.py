#!/usr/bin/env python3
"""Opens actorgraph's graph.html pages in a real browser (headless Chromium through
chromedriver and Selenium) from disk, with networking off, and checks them.

    scripts/browser_test.py --seeds OUT [--bbc OUT] [--diff PAGE.html]
                            [--screenshot FILE.png --screenshot-of OUT [--screenshot-edge A|ACTION|B]]

OUT is a build's output folder (graph.html, statements.jsonl). On every page: no console
errors, no request other than the file itself, and the nodes and relations drawn equal the
counts the page states. On the seeds' page: searching NATO selects it, and clicking the
relation European Union -> cooperate with -> NATO shows its sentence. On the BBC page: the
first render ends within --max-first-render-ms (5000). On a `diff --format html` page:
the counts and the console again. Prints one line per check, and
"skipped: ..." (exit 0) when Chromium, chromedriver or Selenium is missing.
"""

import argparse
import csv
import json
import os
import shutil
import sys
import time

CHROMIUM = ["chromium", "chromium-browser", "google-chrome"]
DRIVERS = ["chromedriver"]
EDGE = ("European Union", "cooperate with", "NATO")


def skip(why):
    print(f"skipped: {why}")
    sys.exit(0)


def find(names, extra=()):
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    for path in extra:
        if os.path.exists(path):
            return path
    return None


def browser():
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        skip("Python selenium is not installed (pip install selenium)")
    chromium = find(CHROMIUM)
    driver = find(DRIVERS, ["/usr/lib/chromium/chromedriver"])
    if not chromium or not driver:
        skip("chromium or chromedriver is not installed (apt-get install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in [
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--window-size=1000,700",
        "--force-device-scale-factor=1",
        "--allow-file-access-from-files",
        # No network: every host resolves to nothing and every proxy is a dead end.
        "--host-resolver-rules=MAP * ~NOTFOUND",
        "--proxy-server=127.0.0.1:9",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
    ]:
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    d = webdriver.Chrome(service=Service(driver), options=options)
    # A 1000 x 700 page, whatever the window around it.
    d.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 1000, "height": 700, "deviceScaleFactor": 1, "mobile": False},
    )
    d.execute_cdp_cmd("Network.enable", {})
    d.execute_cdp_cmd(
        "Network.emulateNetworkConditions",
        {"offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0},
    )
    return d


class Checks:
    def __init__(self):
        self.failed = 0

    def check(self, ok, what):
        print(("ok   " if ok else "FAIL ") + what)
        if not ok:
            self.failed += 1


def open_page(d, checks, path, name):
    d.get_log("browser")
    d.get_log("performance")
    url = "file://" + os.path.abspath(path)
    start = time.monotonic()
    d.get(url)
    deadline = start + 60
    while time.monotonic() < deadline:
        if d.execute_script("return !!(window.actorgraph && window.actorgraph.drawn.frames > 0)"):
            break
        time.sleep(0.05)
    wall = (time.monotonic() - start) * 1000
    first = d.execute_script("return window.actorgraph ? window.actorgraph.firstRender() : -1")
    checks.check(first is not None and first >= 0, f"{name}: first render {first:.0f} ms after navigation (load returned after {wall:.0f} ms)")
    return first


def console_and_network(d, checks, name, path):
    errors = [e for e in d.get_log("browser") if e.get("level") == "SEVERE"]
    checks.check(not errors, f"{name}: no console errors" + (f": {errors}" if errors else ""))
    own = "file://" + os.path.abspath(path)
    requests = []
    for entry in d.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            requests.append(message["params"]["request"]["url"])
    others = [u for u in requests if u != own]
    checks.check(not others, f"{name}: no request but the page itself" + (f": {others}" if others else ""))


def counts_match(d, checks, name):
    stated = d.execute_script(
        "var c = document.getElementById('counts');"
        "return [parseInt(c.dataset.nodes, 10), parseInt(c.dataset.edges, 10), c.textContent];"
    )
    # The stated counts are the numbers in the visible text as well.
    text_numbers = [int(w) for w in stated[2].replace("(", " ").split() if w.isdigit()]
    drawn = d.execute_script("var a = window.actorgraph; a.redrawNow(); return [a.drawn.nodes, a.drawn.edges];")
    ok = drawn == stated[:2] and text_numbers[0] == drawn[0] and text_numbers[2] == drawn[1]
    checks.check(ok, f"{name}: drew {drawn[0]} nodes and {drawn[1]} relations; the page says \"{stated[2]}\"")
    return drawn


def expected_quotes(out):
    quotes = set()
    with open(os.path.join(out, "statements.jsonl"), encoding="utf-8") as f:
        for line in f:
            s = json.loads(line)
            if (s["actor"]["label"], s["action"]["label"], s["target"]["label"]) == EDGE:
                quotes.add(s["text"])
    return quotes


def seeds(d, checks, out):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    path = os.path.join(out, "graph.html")
    open_page(d, checks, path, "seeds")
    counts_match(d, checks, "seeds")

    search = d.find_element(By.ID, "search")
    search.send_keys("NATO", Keys.ENTER)
    selected = d.execute_script("return window.actorgraph.selected()")
    heading = d.find_element(By.CSS_SELECTOR, "#panel h2").text
    checks.check(heading == "NATO" and selected["node"] is not None,
                 f"seeds: searching NATO selects {selected['node']} (panel: {heading!r})")
    counts_match(d, checks, "seeds after the search")

    if not click_edge(d, checks, "seeds", EDGE):
        return
    selected = d.execute_script("return window.actorgraph.selected()")
    checks.check(selected["edge"] == list(EDGE), f"seeds: a click there selects {selected['edge']}")
    shown = d.execute_script(
        "return Array.from(document.querySelectorAll('#panel .quote p')).map(function (p) {"
        " return [p.textContent, Array.from(p.querySelectorAll('mark')).map(function (m) { return m.className; })]; })"
    )
    quotes = expected_quotes(out)
    texts = {q[0] for q in shown}
    marked = all("actor" in q[1] and "target" in q[1] for q in shown)
    checks.check(bool(quotes) and quotes <= texts and marked,
                 f"seeds: the edge panel shows its {len(quotes)} sentence(s), actor and target marked: {sorted(texts)}")
    console_and_network(d, checks, "seeds", path)


def click_edge(d, checks, name, edge):
    """Clicks the drawn relation `edge` (actor, action, target) with a real mouse event;
    False when it is not drawn."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    point = d.execute_script("return window.actorgraph.edgePoint(arguments[0], arguments[1], arguments[2])", *edge)
    checks.check(point is not None, f"{name}: the relation {' -> '.join(edge)} is drawn at {point}")
    if point is None:
        return False
    canvas = d.find_element(By.ID, "canvas")
    size = canvas.size
    ActionChains(d).move_to_element_with_offset(
        canvas, int(point[0] - size["width"] / 2), int(point[1] - size["height"] / 2)
    ).click().perform()
    return True


def screenshot(d, checks, out, edge, png):
    """Saves a page (edge panel open, whole graph fitted) as `png`. Made from our own
    example corpus: the shared corpora's sentences must not go into the repository."""
    from selenium.webdriver.common.by import By

    path = os.path.join(out, "graph.html")
    open_page(d, checks, path, "screenshot page")
    d.find_element(By.ID, "fit").click()
    d.execute_script("window.actorgraph.redrawNow()")
    if not click_edge(d, checks, "screenshot page", edge):
        return
    # The whole graph beside the open edge panel.
    d.find_element(By.ID, "fit").click()
    d.execute_script("window.actorgraph.redrawNow()")
    d.save_screenshot(png)
    shrink(png)
    print(f"     screenshot {png} ({os.path.getsize(png)} bytes)")


def shrink(png):
    """Quantises the screenshot to 256 colours when Pillow is there (a third of the size)."""
    try:
        from PIL import Image
    except ImportError:
        return
    image = Image.open(png).convert("RGB").quantize(colors=256, method=Image.Quantize.FASTOCTREE)
    image.save(png, optimize=True)


def bbc(d, checks, out, max_ms):
    path = os.path.join(out, "graph.html")
    first = open_page(d, checks, path, "bbc")
    checks.check(0 <= first < max_ms, f"bbc: first render {first:.0f} ms < {max_ms} ms")
    counts_match(d, checks, "bbc")
    # Show more, twice: still drawn as stated, still quick.
    for _ in range(2):
        start = time.monotonic()
        d.execute_script("document.getElementById('more').click(); window.actorgraph.redrawNow();")
        ms = (time.monotonic() - start) * 1000
        drawn = counts_match(d, checks, "bbc after show more")
        print(f"     {drawn[0]} nodes shown and drawn in {ms:.0f} ms")
    # Search on the big page: the best match is selected at once.
    start = time.monotonic()
    d.execute_script(
        "var s = document.getElementById('search'); s.value = 'Tony Blair';"
        "s.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'}));"
    )
    ms = (time.monotonic() - start) * 1000
    heading = d.execute_script("var h = document.querySelector('#panel h2'); return h ? h.textContent : null")
    checks.check(heading == "Tony Blair", f"bbc: searching Tony Blair selects {heading!r} in {ms:.0f} ms")
    d.execute_script("document.getElementById('close').click()")
    # The filters: each keeps the drawing as stated, and draws fewer relations.
    before = counts_match(d, checks, "bbc before the filters")
    # The action to filter on: the commonest among the build's asserted relations of
    # weight 2 or more (a fixed word would test the corpus, not the page).
    action = common_action(out)
    for field, value in [("min-weight", "2"), ("modality", "asserted"), ("action-filter", action)]:
        d.execute_script(
            "var f = document.getElementById(arguments[0]); f.value = arguments[1];"
            "f.dispatchEvent(new Event(f.tagName === 'SELECT' ? 'change' : 'input'));"
            "window.actorgraph.redrawNow();",
            field, value,
        )
        drawn = counts_match(d, checks, f"bbc with {field} = {value}")
        checks.check(0 < drawn[1] <= before[1], f"bbc with {field} = {value}: {drawn[1]} relations drawn (of {before[1]})")
    console_and_network(d, checks, "bbc", path)
    print(f"     bbc graph.html: {os.path.getsize(path)} bytes")


def common_action(out):
    counts = {}
    with open(os.path.join(out, "edges.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if float(row["Weight"]) >= 2 and row["Modality"] == "asserted":
                counts[row["Label"]] = counts.get(row["Label"], 0) + 1
    return max(sorted(counts), key=lambda k: counts[k]) if counts else "say"


def diff_page(d, checks, path):
    open_page(d, checks, path, "diff")
    counts_match(d, checks, "diff")
    console_and_network(d, checks, "diff", path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", required=True, help="the seeds build's output folder")
    parser.add_argument("--bbc", help="the BBC build's output folder")
    parser.add_argument("--diff", help="a page written by diff --format html")
    parser.add_argument("--screenshot", help="save a page (edge panel open) as this PNG")
    parser.add_argument("--screenshot-of", help="the output folder of the page to save (our example corpus)")
    parser.add_argument("--screenshot-edge", default="Norway|cooperate with|Sweden",
                        help="the relation whose evidence the screenshot shows: actor|action|target")
    parser.add_argument("--max-first-render-ms", type=float, default=5000)
    args = parser.parse_args()
    d = browser()
    checks = Checks()
    try:
        seeds(d, checks, args.seeds)
        if args.screenshot:
            if not args.screenshot_of:
                parser.error("--screenshot needs --screenshot-of")
            screenshot(d, checks, args.screenshot_of, tuple(args.screenshot_edge.split("|")), args.screenshot)
        if args.bbc:
            bbc(d, checks, args.bbc, args.max_first_render_ms)
        if args.diff:
            diff_page(d, checks, args.diff)
    finally:
        d.quit()
    if checks.failed:
        print(f"{checks.failed} browser check(s) failed")
        sys.exit(1)
    print("browser checks passed")


if __name__ == "__main__":
    main()
