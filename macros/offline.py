"""The offline copy: the site built to be opened from the file system, packed into one zip file.

    python -m macros.offline dist/information-sharing-guide.zip

builds the site with GUIDE_OFFLINE=true (see the offline plugin in mkdocs.yml) into a temporary folder,
then writes the zip next to its final place and renames it, so that a failed build leaves no
half-written zip behind. Unzipped, the copy opens at information-sharing-guide/index.html.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The folder the zip unpacks into.
FOLDER_NAME = "information-sharing-guide"
# iframe-worker's shim, pinned in package.json: on file:// it runs the search program in a hidden frame,
# because browsers refuse to start a worker from the file system.
WORKER_SHIM = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"
# Where the shim is published in the offline copy; the name must contain "iframe-worker", which tells
# Material's offline plugin that the shim is already there, so it adds no address on another host.
WORKER_SHIM_ADDRESS = "assets/javascripts/iframe-worker-shim.js"
# Files only a web server uses, left out of the zip: the "page not found" page (its links start at the server's
# root), the sitemap, and the search index as JSON (from the file system the theme reads search_index.js).
SERVER_ONLY = {"404.html", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json"}


def left_out(name: str) -> bool:
    """Whether a file of the built site, by its path in the site, stays out of the offline copy.

    Besides SERVER_ONLY, more than half the zip is left out: source maps (*.map), which only developers' tools
    read, and lunr/, the theme's search support for languages other than English (`lang: en` in mkdocs.yml).
    """
    return name in SERVER_ONLY or name.endswith(".map") or name.startswith("assets/javascripts/lunr/")


# When the site is published with the offline copy, `make publish` names the zip in GUIDE_OFFLINE_ZIP; the
# build copies it into this folder of the site and the home page links to it.
DOWNLOADS_FOLDER = "downloads"


class OfflineCopyError(Exception):
    """The offline copy cannot be made: says what is missing and how to get it."""


def copy_worker_shim(site_dir: Path) -> str:
    """Put our pinned copy of the shim into the built site, where the pages' script tags expect it; its text."""
    if not WORKER_SHIM.is_file():
        raise OfflineCopyError(f"{WORKER_SHIM.relative_to(ROOT)} is missing, so search would not work in the "
                               "offline copy: run `make offline`, which installs it (iframe-worker in package.json)")
    target = site_dir / WORKER_SHIM_ADDRESS
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(WORKER_SHIM, target)
    return target.read_text(encoding="utf-8")


def published_zip(project_dir: Path) -> Path | None:
    """The offline copy's zip to publish with the site, named by GUIDE_OFFLINE_ZIP; None when none is named."""
    name = os.environ.get("GUIDE_OFFLINE_ZIP")
    if not name:
        return None
    path = project_dir / name
    if not path.is_file():
        raise OfflineCopyError(f"GUIDE_OFFLINE_ZIP names {name}, which is not a file: run `make offline` first, "
                               "or `make publish`, which makes the zip and then the site")
    return path


def published_download(project_dir: Path) -> tuple[str, int] | None:
    """The published zip's address in the site and its size in bytes, for the home page's link; or None."""
    zip_file = published_zip(project_dir)
    return (f"{DOWNLOADS_FOLDER}/{zip_file.name}", zip_file.stat().st_size) if zip_file else None


def copy_published_zip(project_dir: Path, site_dir: Path) -> None:
    """Put the published zip, if there is one, into the built site where the home page links to it."""
    zip_file = published_zip(project_dir)
    if zip_file:
        (site_dir / DOWNLOADS_FOLDER).mkdir(exist_ok=True)
        shutil.copyfile(zip_file, site_dir / DOWNLOADS_FOLDER / zip_file.name)


def zip_folder(folder: Path, target: Path) -> None:
    """Write every file under `folder` that is not left out into the zip `target`, inside a folder FOLDER_NAME."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    try:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for file in sorted(folder.rglob("*")):
                name = file.relative_to(folder).as_posix()
                if file.is_file() and not left_out(name):
                    archive.write(file, f"{FOLDER_NAME}/{name}")
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)


def build_offline_copy(target: Path) -> None:
    """Build the offline site into a temporary folder and pack it into `target`."""
    with tempfile.TemporaryDirectory(prefix="offline-site-") as temporary:
        site_dir = Path(temporary) / FOLDER_NAME
        env = {**os.environ, "GUIDE_OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1"}
        env.pop("GUIDE_OFFLINE_ZIP", None)  # the offline copy does not offer itself for download
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
                                cwd=ROOT, env=env)
        if result.returncode != 0:
            raise OfflineCopyError("the offline copy did not build: see the messages above")
        zip_folder(site_dir, target)


def main(arguments: list[str]) -> int:
    if len(arguments) != 1:
        print("usage: python -m macros.offline TARGET.zip", file=sys.stderr)
        return 2
    target = Path(arguments[0])
    try:
        build_offline_copy(target)
    except OfflineCopyError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"{target}: {target.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
