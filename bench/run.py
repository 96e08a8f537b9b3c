"""The speed and size benchmark behind `make bench`: prints a table and writes bench/results.json.

Measured, not asserted: targets are printed beside each number so that a change that costs speed shows.
  - build time of this site against a stock, blank Material for MkDocs site built in the same run;
  - per page, what a first visit downloads (gzip-compressed, as a server would send it), by kind, and how much
    that grew since bench/baseline.json;
  - the size of our own JavaScript and CSS;
  - how many 375 x 740 phone screens tall the key messages page is before any detail is opened;
  - Lighthouse's four scores per page, mobile settings (skipped with --no-lighthouse).
"""
from __future__ import annotations

import argparse
import gzip
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
LIGHTHOUSE = ROOT / "bench" / ".tools" / "node_modules" / ".bin" / "lighthouse"
OWN_ASSETS = {path.name for path in (ROOT / "docs" / "assets").iterdir() if path.suffix in (".js", ".css")}
TARGETS = {"build_ratio": 2.0, "quiz_first_view_gz_kb": 70, "present_first_view_gz_kb": 80, "own_js_css_gz_kb": 6,
           "lighthouse": 100, "key_messages_phone_screens": 6.5, "first_view_growth_gz_kb": 3}
BASELINE = ROOT / "bench" / "baseline.json"
PHONE = {"width": 375, "height": 740}


def timed_build(project: Path, runs: int) -> float:
    """Median wall time of `mkdocs build` for a project, in seconds."""
    times = []
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", out], cwd=project,
                           env=env, check=True, capture_output=True)
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def stock_material_project(folder: Path) -> Path:
    """A blank Material for MkDocs site: one page, the theme's defaults (web fonts off, as ours)."""
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "index.md").write_text("# Hello\n\nA blank page.\n", encoding="utf-8")
    (folder / "mkdocs.yml").write_text("site_name: Stock\ntheme:\n  name: material\n  font: false\n", encoding="utf-8")
    return folder


def gz_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def kind_of(url: str, content_type: str) -> str:
    if url.endswith(".js") or "javascript" in content_type:
        return "js"
    if url.endswith(".css") or "css" in content_type:
        return "css"
    if "html" in content_type:
        return "html"
    if content_type.startswith("image/") or url.endswith((".png", ".svg", ".ico")):
        return "images"
    return "other"


# Text files are sent gzip-compressed, as any web server a partnership would use sends them.
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")


def serve(folder: Path):
    """Serve the built site on a free local port, compressing text as a real web server would."""
    class CompressingHandler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(folder), **kwargs)

        def do_GET(self):
            path = Path(self.translate_path(self.path))
            if path.is_dir() and self.path.split("?")[0].endswith("/"):
                path = path / "index.html"
            content_type = self.guess_type(str(path))
            # Anything else (a folder to redirect, a missing file, a picture) is the standard handler's job.
            if not (path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")
                    and content_type.startswith(COMPRESSED_TYPES)):
                return super().do_GET()
            body = gzip.compress(path.read_bytes(), compresslevel=6)
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), CompressingHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def first_view_sizes(site: Path, base: str) -> dict:
    """For every page: the gzip size of everything a first visit downloads, by kind."""
    from playwright.sync_api import sync_playwright

    # A moved page's note only sends the browser on to the new address: it is not a page of its own.
    pages = sorted(p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("*.html")
                   if "This page has moved" not in p.read_text(encoding="utf-8")[:600])
    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for address in pages:
            context = browser.new_context()
            page = context.new_page()
            sizes: dict[str, int] = {}
            responses = []
            page.on("response", lambda response: responses.append(response))
            page.goto(base + address, wait_until="networkidle")
            for response in responses:
                try:
                    body = response.body()
                except Exception:  # a redirect or an aborted request has no body
                    continue
                kind = kind_of(response.url, response.headers.get("content-type", ""))
                sizes[kind] = sizes.get(kind, 0) + gz_size(body)
                if response.url.split("?")[0].rsplit("/", 1)[-1] in OWN_ASSETS:
                    sizes["own_js_css"] = sizes.get("own_js_css", 0) + gz_size(body)
            sizes["total"] = sum(value for key, value in sizes.items() if key != "own_js_css")
            results[address or "/"] = sizes
            context.close()
        browser.close()
    return results


def moved_into() -> dict[str, list[str]]:
    """For each page, the old addresses of pages that moved into it (content/site.yml, moved_pages)."""
    import yaml

    site = yaml.safe_load((ROOT / "content" / "site.yml").read_text(encoding="utf-8"))
    merged: dict[str, list[str]] = {}
    for moved in site.get("moved_pages") or ():
        merged.setdefault(moved["new"], []).append(moved["old"])
    return merged


def growth_since_baseline(pages: dict, baseline: dict, merged: dict[str, list[str]]) -> dict:
    """Each page's first view against the baseline: against its own address, and against every page moved into it.

    A page new since the baseline, with nothing moved into it, has nothing to be compared with and is left out.
    """
    growth = {}
    for address, sizes in pages.items():
        against = {old: sizes["total"] - baseline[old] for old in [address, *merged.get(address, [])] if old in baseline}
        if against:
            growth[address] = against
    return growth


def phone_screens(base: str, address: str) -> float:
    """How many phone screens tall a page is as it first opens (every disclosure closed), footer included."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport=PHONE)
        page.goto(base + address, wait_until="networkidle")
        height = page.evaluate("document.documentElement.scrollHeight")
        browser.close()
    return round(height / PHONE["height"], 2)


def own_assets_size(site: Path) -> dict:
    """Our own JavaScript and CSS as the built site serves them (minified), each file gzip-compressed."""
    files = [site / "assets" / name for name in sorted(OWN_ASSETS) if (site / "assets" / name).exists()]
    sizes = {f.name: gz_size(f.read_bytes()) for f in files}
    return {"files": sizes, "total": sum(sizes.values())}


def lighthouse_scores(base: str, addresses: list[str]) -> dict:
    """Lighthouse's four category scores per page, with its mobile defaults."""
    results = {}
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    for address in addresses:
        with tempfile.NamedTemporaryFile(suffix=".json") as report:
            subprocess.run([str(LIGHTHOUSE), base + address, "--quiet", "--output=json", f"--output-path={report.name}",
                            "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS)],
                           env=env, check=True, capture_output=True, timeout=300)
            data = json.loads(Path(report.name).read_text(encoding="utf-8"))
        results[address or "/"] = {name: round((category["score"] or 0) * 100)
                                   for name, category in data["categories"].items()}
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="builds to time for each site (median is kept)")
    parser.add_argument("--no-lighthouse", action="store_true", help="leave out the Lighthouse scores")
    arguments = parser.parse_args()

    with tempfile.TemporaryDirectory() as work:
        stock = timed_build(stock_material_project(Path(work) / "stock"), arguments.runs)
    ours = timed_build(ROOT, arguments.runs)

    with tempfile.TemporaryDirectory() as out:
        site = Path(out) / "site"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)], cwd=ROOT,
                       env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=True, capture_output=True)
        server, base = serve(site)
        try:
            pages = first_view_sizes(site, base)
            own_assets = own_assets_size(site)
            key_messages_screens = phone_screens(base, "key-messages/")
            scores = ({} if arguments.no_lighthouse
                      else lighthouse_scores(base, [a if a != "/" else "" for a in pages]))
        finally:
            server.shutdown()
            server.server_close()

    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    growth = growth_since_baseline(pages, baseline["first_view_total_gz_bytes"], moved_into())
    results = {
        "measured": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
        "targets": TARGETS,
        "build_seconds": {"ours": round(ours, 2), "stock_material": round(stock, 2), "ratio": round(ours / stock, 2)},
        "own_js_css_gz_bytes": own_assets,
        "first_view_gz_bytes": pages,
        "first_view_growth_gz_bytes": growth,
        "key_messages_phone_screens": key_messages_screens,
        "lighthouse": scores,
    }
    out_file = ROOT / "bench" / "results.json"
    out_file.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")

    print(f"Build: {ours:.2f} s against stock Material {stock:.2f} s: ratio {ours / stock:.2f} "
          f"(target <= {TARGETS['build_ratio']})")
    own = results["own_js_css_gz_bytes"]["total"]
    most = max(pages.items(), key=lambda item: item[1].get("own_js_css", 0))
    print(f"Our own JS + CSS: {own / 1024:.1f} KB gz in all; a page loads at most {most[1]['own_js_css'] / 1024:.1f} KB "
          f"({most[0]}) (target <= {TARGETS['own_js_css_gz_kb']} KB)")
    print(f"Key messages page: {key_messages_screens} phone screens (375 x 740) before any detail is opened "
          f"(target <= {TARGETS['key_messages_phone_screens']})")
    print(f"\n{'page':32} {'html':>7} {'css':>7} {'js':>7} {'images':>7} {'other':>7} {'total KB gz':>12} {'growth':>7}"
          + ("   perf a11y best seo" if scores else ""))
    for address, sizes in pages.items():
        row = f"{address:32} " + " ".join(f"{sizes.get(k, 0) / 1024:7.1f}" for k in ("html", "css", "js", "images", "other"))
        row += f" {sizes['total'] / 1024:12.1f}"
        row += f" {growth[address][address] / 1024:+7.1f}" if address in growth.get(address, {}) else f" {'new':>7}"
        if scores:
            s = scores[address]
            row += f"   {s.get('performance', 0):4} {s.get('accessibility', 0):4} {s.get('best-practices', 0):4} {s.get('seo', 0):3}"
        print(row)
    limit = TARGETS["first_view_growth_gz_kb"]
    print(f"\nGrowth: each page's first view against {BASELINE.relative_to(ROOT)} ({baseline['measured']}); "
          f"target <= {limit} KB gz.")
    for address, against in growth.items():
        for old, grown in against.items():
            if old != address:
                print(f"  {address} holds {old}, which moved into it: {grown / 1024:+.1f} KB against {old}")
    over = [f"{address} against {old}" for address, against in growth.items() for old, grown in against.items()
            if grown > limit * 1024]
    print("  Over the target: " + ("; ".join(over) if over else "none"))
    print(f"Quiz first view target: <= {TARGETS['quiz_first_view_gz_kb']} KB gz.")
    present = pages.get("quiz-present/")
    if present:
        print(f"Projector view (quiz-present/) first view: {present['total'] / 1024:.1f} KB gz "
              f"(target <= {TARGETS['present_first_view_gz_kb']} KB)")
    print(f"Written to {out_file.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
