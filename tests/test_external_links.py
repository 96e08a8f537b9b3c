"""`make check-external-links`, against a local server on 127.0.0.1 that answers every way a site can."""
from __future__ import annotations

import http.server
import json
import threading
import time

import pytest

from tools.check_external_links import USER_AGENT, check_links, external_links, main

SLOW_SECONDS = 2.0
TIMEOUT = 0.5


class AnsweringHandler(http.server.BaseHTTPRequestHandler):
    """Answers by path: 200, 301, 404, 500, slowly, refusing HEAD, or redirecting for ever."""

    requests: list[tuple[str, str, str]] = []  # (method, path, user agent), for the tests to read
    in_flight = 0
    most_in_flight = 0
    lock = threading.Lock()

    def answer(self):
        cls = type(self)
        with cls.lock:
            cls.requests.append((self.command, self.path, self.headers.get("User-Agent", "")))
            cls.in_flight += 1
            cls.most_in_flight = max(cls.most_in_flight, cls.in_flight)
        self.counted = True
        try:
            self.respond()
        finally:
            self.answered()

    def answered(self):
        """No longer in flight. Called before the answer goes out: the checker may send its next request as soon
        as it has read this one, possibly before this thread would otherwise have counted it as done."""
        if self.counted:
            with type(self).lock:
                type(self).in_flight -= 1
            self.counted = False

    def respond(self):
        if self.path == "/slow":
            time.sleep(SLOW_SECONDS)
        status, location = {
            "/ok": (200, None), "/slow": (200, None), "/moved": (301, "/ok"), "/moved-twice": (302, "/moved"),
            "/missing": (404, None), "/failing": (500, None), "/loop": (302, "/loop"),
            "/no-head": (405 if self.command == "HEAD" else 200, None),
        }.get(self.path, (404, None))
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", "2")
        self.answered()
        self.end_headers()
        if self.command == "GET":
            self.wfile.write(b"ok")

    do_HEAD = do_GET = answer

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), AnsweringHandler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


# path -> (outcome, last status, where it ends up, redirect statuses)
CASES = {
    "/ok": ("ok", 200, "/ok", []),
    "/moved": ("redirected", 200, "/ok", [301]),
    "/moved-twice": ("redirected", 200, "/ok", [302, 301]),
    "/missing": ("broken", 404, "/missing", []),
    "/failing": ("broken", 500, "/failing", []),
    "/no-head": ("ok", 200, "/no-head", []),
    "/loop": ("error", 302, "/loop", [302] * 11),
    # Last: the server goes on sleeping after the checker gives up, which would look like a second request at once.
    "/slow": ("timeout", None, "/slow", []),
}


@pytest.fixture(scope="module")
def results(server):
    """Every case checked once, through the same function the command uses."""
    AnsweringHandler.requests.clear()
    links = {f"{server}{path}": ["page.html"] for path in CASES}
    return {result.url.removeprefix(server): result for result in check_links(links, timeout=TIMEOUT, workers=4)}


@pytest.mark.parametrize("path", CASES)
def test_each_kind_of_answer_is_reported_as_what_it_is(results, server, path):
    """200 is ok, 301/302 are followed and reported, 404 and 500 are broken, slow is a timeout, a loop an error."""
    outcome, status, final, hops = CASES[path]
    result = results[path]
    assert (result.outcome, result.status) == (outcome, status), result
    assert result.final_url == f"{server}{final}"
    assert [hop["status"] for hop in result.redirects] == hops
    assert result.pages == ["page.html"]


def test_a_timeout_gives_up_after_the_timeout_not_when_the_server_answers(results):
    """The slow address is given up on after the timeout, well before the server would have answered."""
    assert TIMEOUT <= results["/slow"].seconds < SLOW_SECONDS
    assert "no answer within 0.5 seconds" in results["/slow"].detail


def test_head_comes_first_and_get_only_when_head_is_refused(results):
    """Every address is asked with HEAD; GET follows only where the server refused HEAD."""
    methods = {}
    for method, path, _ in AnsweringHandler.requests:
        methods.setdefault(path, []).append(method)
    assert methods["/missing"] == ["HEAD"] and methods["/failing"] == ["HEAD"]
    assert methods["/no-head"] == ["HEAD", "GET"]
    assert results["/no-head"].method == "GET" and results["/missing"].method == "HEAD"


def test_every_request_names_the_checker_and_one_site_is_asked_one_request_at_a_time(results):
    """Each request carries the polite user agent, and the single site was never asked twice at once."""
    assert {agent for _, _, agent in AnsweringHandler.requests} == {USER_AGENT}
    assert AnsweringHandler.most_in_flight == 1


def test_every_external_address_in_the_built_pages_is_found_once_with_its_pages(tmp_path):
    """Links to other sites are collected from every page (without #fragments); the site's own links are not."""
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="https://example.org/x#part">x</a> <a href="../a/">own</a> <a href="mailto:a@example.org">m</a>'
        '<img src="https://example.org/i.png" alt="">', encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text('<a href="https://example.org/x">x again</a>', encoding="utf-8")
    assert external_links(tmp_path) == {"https://example.org/i.png": ["index.html"],
                                        "https://example.org/x": ["a/index.html", "index.html"]}


def test_the_command_prints_a_table_writes_the_report_and_fails_on_broken_links(server, tmp_path, capsys):
    """The command lists problems first in a table, writes reports/external-links.json, and exits 1."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("".join(f'<a href="{server}{path}">{path}</a>' for path in
                                             ("/ok", "/moved", "/missing")), encoding="utf-8")
    out = tmp_path / "reports" / "external-links.json"
    assert main(["--site", str(site), "--out", str(out), "--timeout", str(TIMEOUT)]) == 1
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].split() == ["outcome", "status", "address", "note"]
    assert printed[1].split()[:3] == ["BROKEN", "404", f"{server}/missing"]
    redirected = next(line for line in printed if f"{server}/moved" in line)
    assert redirected.split()[:2] == ["redirected", "200"] and f"301 {server}/ok" in redirected
    assert "3 addresses: 1 broken, 0 timeout, 0 error, 1 redirected, 1 ok" in printed
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["summary"] == {"broken": 1, "timeout": 0, "error": 0, "redirected": 1, "ok": 1}
    assert {link["url"]: link["outcome"] for link in report["links"]} == {
        f"{server}/missing": "broken", f"{server}/moved": "redirected", f"{server}/ok": "ok"}
    assert report["links"][1]["redirects"] == [{"status": 301, "to": f"{server}/ok"}]


def test_the_command_succeeds_when_every_link_works(server, tmp_path):
    """With only working and redirected links, the command exits 0."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(f'<a href="{server}/ok">ok</a><a href="{server}/moved">m</a>', encoding="utf-8")
    assert main(["--site", str(site), "--out", str(tmp_path / "r.json"), "--timeout", str(TIMEOUT)]) == 0


def test_the_command_says_to_build_first_when_there_is_no_site(tmp_path, capsys):
    """Without a built site the command stops and says what to run."""
    assert main(["--site", str(tmp_path / "nowhere"), "--out", str(tmp_path / "r.json")]) == 2
    assert "make build" in capsys.readouterr().err


def test_an_address_where_nothing_answers_is_reported_as_an_error():
    """A site that refuses the connection is an error, with the reason, not a crash."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    [result] = check_links({f"http://127.0.0.1:{port}/": ["page.html"]}, timeout=TIMEOUT)
    assert result.outcome == "error" and "ConnectionRefusedError" in result.detail
