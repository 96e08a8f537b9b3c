"""Check every address on another site that the built site links to.

    python -m tools.check_external_links [--site site] [--out reports/external-links.json]

Each address is asked for with HEAD, and with GET when a server refuses HEAD. Redirects are followed
(at most 10) and reported. Each site is asked one request at a time, several sites at once (a bounded
number). Prints a table, writes a JSON report, and exits 1 if any address is broken, failed or timed out.
Needs the network, so `make test` does not run it; its tests use a local server.
"""
from __future__ import annotations

import argparse
import concurrent.futures
import datetime
import http.client
import json
import sys
import time
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
USER_AGENT = ("InformationSharingGuideLinkCheck/1.0 (checks that the guide's links to other sites still work; "
              "one request at a time per site)")
# Statuses with which some servers refuse HEAD while GET works.
HEAD_REFUSED = {403, 405, 501}
REDIRECTS = {301, 302, 303, 307, 308}
MOST_REDIRECTS = 10
# Outcomes, in the order the table lists them: the ones that need someone's attention first.
OUTCOMES = ("broken", "timeout", "error", "redirected", "ok")


@dataclass
class LinkResult:
    """What happened when one address was checked."""

    url: str
    outcome: str  # one of OUTCOMES
    status: int | None = None  # the last HTTP status received
    final_url: str = ""
    redirects: list[dict] = field(default_factory=list)  # each hop: {"status": 301, "to": "https://..."}
    method: str = "HEAD"
    seconds: float = 0.0
    detail: str = ""
    pages: list[str] = field(default_factory=list)


class _LinkCollector(HTMLParser):
    """Collects the addresses in href and src attributes of one page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.addresses: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value and value.startswith(("http://", "https://")):
                self.addresses.append(value.split("#")[0])


def external_links(site_dir: Path) -> dict[str, list[str]]:
    """Every address on another site the built pages link to -> the pages (paths in the site) linking to it."""
    found: dict[str, list[str]] = defaultdict(list)
    for page in sorted(site_dir.rglob("*.html")):
        collector = _LinkCollector()
        collector.feed(page.read_text(encoding="utf-8"))
        name = page.relative_to(site_dir).as_posix()
        for address in dict.fromkeys(collector.addresses):
            found[address].append(name)
    return dict(sorted(found.items()))


def _ask(url: str, method: str, timeout: float) -> tuple[int, str | None]:
    """One request, no redirect followed: the status and any Location header."""
    parts = urlsplit(url)
    connection_class = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    connection = connection_class(parts.hostname, parts.port, timeout=timeout)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        connection.request(method, path, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*"})
        response = connection.getresponse()
        return response.status, response.getheader("Location")
    finally:
        connection.close()


def check_link(url: str, timeout: float) -> LinkResult:
    """Check one address: HEAD (GET if HEAD is refused), following redirects."""
    result = LinkResult(url=url, outcome="error", final_url=url)
    started = time.monotonic()
    try:
        for _ in range(MOST_REDIRECTS + 1):
            status, location = _ask(result.final_url, result.method, timeout)
            if result.method == "HEAD" and status in HEAD_REFUSED:
                result.method = "GET"
                status, location = _ask(result.final_url, result.method, timeout)
            result.status = status
            if status in REDIRECTS and location:
                result.final_url = urljoin(result.final_url, location)
                result.redirects.append({"status": status, "to": result.final_url})
                continue
            if 200 <= status < 300:
                result.outcome = "redirected" if result.redirects else "ok"
            else:
                result.outcome, result.detail = "broken", f"the server answered {status}"
            break
        else:
            result.detail = f"more than {MOST_REDIRECTS} redirects"
    except TimeoutError:
        result.outcome, result.detail = "timeout", f"no answer within {timeout:g} seconds"
    except (OSError, http.client.HTTPException, ValueError) as error:
        result.outcome, result.detail = "error", f"{type(error).__name__}: {error}"
    result.seconds = round(time.monotonic() - started, 3)
    return result


def check_links(links: dict[str, list[str]], timeout: float = 10.0, workers: int = 4) -> list[LinkResult]:
    """Check every address; one site's addresses one after another, at most `workers` sites at a time."""
    by_site: dict[str, list[str]] = defaultdict(list)
    for url in links:
        by_site[urlsplit(url).netloc.lower()].append(url)

    def check_site(urls: list[str]) -> list[LinkResult]:
        return [check_link(url, timeout) for url in urls]

    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        results = [result for site_results in pool.map(check_site, by_site.values()) for result in site_results]
    for result in results:
        result.pages = links[result.url]
    return sorted(results, key=lambda result: (OUTCOMES.index(result.outcome), result.url))


def note(result: LinkResult) -> str:
    """The table's last column: where a redirect ends, or what went wrong."""
    if result.redirects:
        hops = " -> ".join(f"{hop['status']} {hop['to']}" for hop in result.redirects)
        return hops + (f"; {result.detail}" if result.detail else "")
    return result.detail


def table(results: list[LinkResult]) -> str:
    """A plain-text table: outcome, status, address and note, the problems first, then a count of each outcome."""
    rows = [("outcome", "status", "address", "note")]
    rows += [(result.outcome.upper() if result.outcome not in ("ok", "redirected") else result.outcome,
              str(result.status or "-"), result.url, note(result)) for result in results]
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row[:3], widths)) + "  " + row[3] for row in rows]
    counts = Counter(result.outcome for result in results)
    lines.append("")
    lines.append(f"{len(results)} addresses: " + ", ".join(f"{counts[name]} {name}" for name in OUTCOMES))
    return "\n".join(line.rstrip() for line in lines)


def report(results: list[LinkResult], site_dir: Path) -> dict:
    """The JSON report: when, which site, how many of each outcome, and every result."""
    counts = Counter(result.outcome for result in results)
    return {"checked": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
            "site": str(site_dir), "user_agent": USER_AGENT,
            "summary": {name: counts[name] for name in OUTCOMES},
            "links": [asdict(result) for result in results]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (make build)")
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "external-links.json")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for each answer")
    parser.add_argument("--workers", type=int, default=4, help="how many sites to check at once")
    arguments = parser.parse_args(argv)
    if not (arguments.site / "index.html").is_file():
        print(f"no built site in {arguments.site}: run `make build` first", file=sys.stderr)
        return 2
    results = check_links(external_links(arguments.site), arguments.timeout, arguments.workers)
    print(table(results))
    arguments.out.parent.mkdir(parents=True, exist_ok=True)
    arguments.out.write_text(json.dumps(report(results, arguments.site), indent=2) + "\n", encoding="utf-8")
    print(f"Written to {arguments.out}")
    return 1 if any(result.outcome in ("broken", "timeout", "error") for result in results) else 0


if __name__ == "__main__":
    sys.exit(main())
