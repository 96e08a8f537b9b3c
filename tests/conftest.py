"""Shared fixtures: the real site is built once per test session, and each page is parsed once."""
from __future__ import annotations

import contextlib
import dataclasses
import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.loading import Content, load_content

ROOT = Path(__file__).resolve().parent.parent


def run_mkdocs_build(project: Path, site_dir: Path, extra_env: dict | None = None) -> subprocess.CompletedProcess:
    """Run a strict MkDocs build of `project` into `site_dir`, as `make build` does."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
                          cwd=project, env=env, capture_output=True, text=True, timeout=300)


class BuiltSite:
    """A built copy of the site, read the way a browser would: one parsed page per address."""

    def __init__(self, folder: Path):
        self.folder = folder

    def html_files(self) -> list[Path]:
        return sorted(self.folder.rglob("*.html"))

    def addresses(self) -> list[str]:
        """Every page, as its path inside the site, e.g. 'quiz/index.html'.

        A moved page's old address holds only a note sending the reader on (content/site.yml moved_pages);
        it is not a page of the site, and the link tests follow it as a browser would.
        """
        return [file.relative_to(self.folder).as_posix() for file in self.html_files()
                if 'http-equiv="refresh"' not in file.read_text(encoding="utf-8")[:1000]]

    def file_for(self, address: str) -> Path:
        """The file served for a site-relative address such as 'key-messages/'."""
        path = self.folder / address.split("#")[0]
        return path / "index.html" if path.is_dir() or address.endswith("/") or not address else path

    @functools.lru_cache(maxsize=None)
    def page(self, address: str) -> BeautifulSoup:
        return BeautifulSoup(self.file_for(address).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> BuiltSite:
    """The real site, built once with --strict from the repository's own content."""
    folder = tmp_path_factory.mktemp("site")
    result = run_mkdocs_build(ROOT, folder)
    assert result.returncode == 0, f"the site did not build:\n{result.stdout}\n{result.stderr}"
    return BuiltSite(folder)


def copy_project(target: Path) -> Path:
    """A copy of what a build reads: the content, the pages, the code and the settings."""
    for name in ("content", "docs", "macros", "overrides", "quizzes"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "Makefile", "requirements.txt"):
        shutil.copy2(ROOT / name, target / name)  # copy2 keeps the times, so make sees nothing to install
    return target


@pytest.fixture
def project_copy(tmp_path):
    """A copy of the project with a finished site/ in it, to break and rebuild."""
    copy_project(tmp_path)
    (tmp_path / ".venv").symlink_to(Path(sys.prefix))
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("the previous site", encoding="utf-8")
    return tmp_path


@pytest.fixture(scope="session")
def content() -> Content:
    """The repository's content, validated."""
    return load_content(ROOT)


# A second edition, beside the default: a fictional partnership's local file and link preview picture, in
# tests/editions/. It is built for an intranet sub-path, with one renamed id and one moved page, so that one build
# serves the edition tests (test_editions.py) and the sub-path tests (test_links.py).
SECOND_EDITION = "exampleshire"
SUB_PATH = "/safeguarding/information-sharing/"
SUB_PATH_SITE_URL = "https://intranet.example" + SUB_PATH
OLD_ANCHOR, MOVED_PAGE = "an-old-name-for-a-rule", "golden-rules/"


@dataclasses.dataclass
class SecondEdition:
    """The copy of the project holding the second edition, and the site `make build EDITION=...` made of it."""

    project: Path
    site: BuiltSite
    build_output: str


def listed_in(text: str, field: str, item: str) -> str:
    """YAML text with one more item at the start of a top-level list (the list made if there is none)."""
    return (text.replace(f"\n{field}:\n", f"\n{field}:\n{item}") if f"\n{field}:\n" in text
            else text + f"{field}:\n{item}")


@pytest.fixture(scope="session")
def second_edition(tmp_path_factory, content) -> SecondEdition:
    """The second edition, built once as `make build EDITION=exampleshire` builds it, for an intranet sub-path."""
    project = copy_project(tmp_path_factory.mktemp("second-edition"))
    (project / ".venv").symlink_to(Path(sys.prefix))
    for file in (ROOT / "tests" / "editions").glob(f"{SECOND_EDITION}*"):
        shutil.copy2(file, project / "content" / "local" / file.name)
    local = project / "content" / "local" / f"{SECOND_EDITION}.yml"
    text = local.read_text(encoding="utf-8")
    assert "\nsite_url:\n" in text, f"{local} no longer has an empty site_url line"
    local.write_text(text.replace("\nsite_url:\n", f"\nsite_url: {SUB_PATH_SITE_URL}\n"), encoding="utf-8")
    settings = project / "content" / "site.yml"
    rule = content.guide.key_messages.golden_rules.rules[0].id
    text = settings.read_text(encoding="utf-8")
    text = listed_in(text, "moved_pages", f"  - old: {MOVED_PAGE}\n    new: key-messages/\n")
    settings.write_text(listed_in(text, "old_anchors", f"  - id: {OLD_ANCHOR}\n    now: {rule}\n"), encoding="utf-8")
    result = subprocess.run(["make", "--no-print-directory", "build", f"EDITION={SECOND_EDITION}"], cwd=project,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"the second edition did not build:\n{result.stdout}\n{result.stderr}"
    return SecondEdition(project, BuiltSite(project / "site"), result.stdout + result.stderr)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """In CI (CI is set) a skipped test counts as failed: a missing browser or tool must never pass quietly."""
    report = yield
    if os.environ.get("CI") and report.skipped:
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, which counts as a failure: {report.longrepr}"
    return report


CHROMIUM = Path("/usr/bin/chromium")
# Flags for headless Chromium on a machine without network: no background calls home, no sandbox as root.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@contextlib.contextmanager
def serve_folder(folder: Path, prefix: str = "/"):
    """Serve a built site on 127.0.0.1 at a free port under `prefix`, as a static host would; yield its address.

    Anything outside `prefix` is not found, as on an intranet server where the guide has its own folder.
    """
    import http.server
    import threading

    class QuietHandler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(folder), **kwargs)

        def translate_path(self, path):
            if not path.startswith(prefix):
                return str(folder / "not-under-the-prefix")
            return super().translate_path("/" + path[len(prefix):])

        def log_message(self, *args):
            pass  # one line per request would bury the test output

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), QuietHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_server(site):
    """The built site served on 127.0.0.1 at a free port."""
    with serve_folder(site.folder) as address:
        yield address


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright. A missing browser fails the tests: it is never a reason to skip."""
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), f"{CHROMIUM} is missing: `make test` installs the Debian package chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_context(browser):
    """A fresh browser profile for one test: nothing stored from any other test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    yield context
    context.close()
