"""`make links`: add every address the guide now has to links/published.txt, and never take one away.

Intranet pages across the partnership link to these addresses, so the list only grows. A test builds the
site and fails if any address on it no longer leads to its page and anchor; the fix for a renamed id or a
moved page is an entry under old_anchors or moved_pages in content/site.yml, never a deleted line.
"""
from __future__ import annotations

import sys
from pathlib import Path

from .content import ContentError
from .loading import load_content
from .site_pages import published_addresses, site_pages

MANIFEST = "links/published.txt"
HEADER = """\
# Every address of the guide that we publish for other sites to link to, one per line, relative to the
# guide's own address ("./" is the home page). Reviewed like code.
# `make links` adds new addresses at the end. Never remove a line: if an id is renamed or a page moves,
# keep the old address working with old_anchors or moved_pages in content/site.yml. A test checks them all.
"""


def manifest_addresses(text: str) -> list[str]:
    """The addresses in a manifest, leaving out comments and blank lines."""
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def extend_manifest(text: str, current: list[str]) -> tuple[str, list[str]]:
    """The manifest with every current address that is not on it yet added at the end; and those added."""
    listed = set(manifest_addresses(text))
    added = [address for address in current if address not in listed]
    base = text if text.strip() else HEADER
    if added and not base.endswith("\n"):
        base += "\n"
    return base + "".join(f"{address}\n" for address in added), added


def kept_working(address: str, site) -> bool:
    """Whether content/site.yml keeps an address the content no longer makes: its page moved or its id was renamed."""
    page, _, anchor = address.partition("#")
    return (page in {moved.old for moved in site.moved_pages or ()}
            or anchor in {old.id for old in site.old_anchors or ()})


def main(root: Path = Path(".")) -> int:
    try:
        content = load_content(root)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    current = published_addresses(site_pages(content))
    manifest = root / MANIFEST
    text = manifest.read_text(encoding="utf-8") if manifest.exists() else ""
    new_text, added = extend_manifest(text, current)
    manifest.parent.mkdir(parents=True, exist_ok=True)
    manifest.write_text(new_text, encoding="utf-8")
    print(f"{MANIFEST}: {len(added)} address(es) added, {len(manifest_addresses(new_text))} in all.")
    for address in added:
        print(f"  + {address}")
    gone = [address for address in manifest_addresses(new_text)
            if address not in set(current) and not kept_working(address, content.site)]
    if gone:
        print("These published addresses are no longer made by the content. Each needs an entry under "
              "old_anchors or moved_pages in content/site.yml (`make test` checks):")
        for address in gone:
            print(f"  ! {address}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
