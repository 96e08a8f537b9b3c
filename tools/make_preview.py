"""Draw the edition's link preview picture, content/local/<edition>-preview.png, from the content: run it after
changing the partnership's short name, colour or logo (its local file) or the guide's title or description.

    python -m tools.make_preview        (or: make preview, or make preview EDITION=name)

The build publishes the picture at assets/images/preview.png.

Chromium draws a 1200 x 630 card in the header's colour, with the logo, the partnership's short name, the
guide's title and its description. The picture carries a fingerprint of what it was drawn from, so a test
can tell when it no longer matches the content.
"""
from __future__ import annotations

import hashlib
import json
import struct
import sys
import tempfile
import zlib
from html import escape
from pathlib import Path

import material

from macros.edition import local_file, preview_file
from macros.loading import load_content

ROOT = Path(__file__).resolve().parent.parent
WIDTH, HEIGHT = 1200, 630
# The name of the PNG text chunk that holds the fingerprint.
FINGERPRINT_KEY = b"guide-preview-of"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def preview_inputs(root: Path) -> dict:
    """Everything the picture shows, read from the content (and the logo file, when one is set)."""
    content = load_content(root)
    edition, guide = content.edition, content.guide.guide
    logo = (root / "docs" / edition.logo).read_text(encoding="utf-8") if edition.logo else ""
    return {"short_name": edition.short_name, "title": guide.title, "description": guide.description,
            "colour": edition.colour, "logo": logo}


def preview_path(root: Path) -> Path:
    """Where the picture of the edition built from `root` is kept."""
    return root / preview_file(local_file(root))


def fingerprint(inputs: dict) -> str:
    return hashlib.sha256(json.dumps(inputs, sort_keys=True).encode("utf-8")).hexdigest()[:16]


def card_html(inputs: dict, palette_css: str, logo_address: str) -> str:
    """The card as a page: Material's own palette gives the header's colour and the text colour on it."""
    logo = f'<img src="{escape(logo_address)}" alt="">' if inputs["logo"] else ""
    colour = inputs["colour"].replace(" ", "-")
    return f"""<!doctype html><html lang="en-GB"><head><meta charset="utf-8">
<link rel="stylesheet" href="{escape(palette_css)}">
<style>
  html, body {{ margin: 0; width: {WIDTH}px; height: {HEIGHT}px; }}
  body {{ box-sizing: border-box; padding: 80px 90px; display: flex; flex-direction: column; justify-content: center;
         gap: 28px; font-family: "DejaVu Sans", Roboto, Helvetica, Arial, sans-serif;
         background: var(--md-primary-fg-color); color: var(--md-primary-bg-color); }}
  .identity {{ display: flex; align-items: center; gap: 28px; font-size: 40px; }}
  .identity img {{ width: 96px; height: 96px; }}
  h1 {{ margin: 0; font-size: 88px; line-height: 1.1; }}
  p {{ margin: 0; font-size: 38px; line-height: 1.35; max-width: 1000px; }}
</style></head>
<body data-md-color-primary="{escape(colour)}">
<div class="identity">{logo}<span>{escape(inputs["short_name"])}</span></div>
<h1>{escape(inputs["title"])}</h1>
<p>{escape(inputs["description"])}</p>
</body></html>"""


def with_text_chunk(png: bytes, key: bytes, value: str) -> bytes:
    """The PNG with a tEXt chunk (key, value) right after its header chunk."""
    data = key + b"\0" + value.encode("latin-1")
    chunk = struct.pack(">I", len(data)) + b"tEXt" + data + struct.pack(">I", zlib.crc32(b"tEXt" + data))
    header_end = 8 + 4 + 4 + 13 + 4  # signature, then IHDR: length, type, 13 bytes of data, CRC
    return png[:header_end] + chunk + png[header_end:]


def png_facts(png: bytes) -> tuple[int, int, dict[str, str]]:
    """Width, height and text chunks of a PNG."""
    width, height = struct.unpack(">II", png[16:24])
    texts, position = {}, 8
    while position < len(png):
        length, kind = struct.unpack(">I4s", png[position:position + 8])
        if kind == b"tEXt":
            key, _, value = png[position + 8:position + 8 + length].partition(b"\0")
            texts[key.decode("latin-1")] = value.decode("latin-1")
        position += 12 + length
    return width, height, texts


def draw(root: Path = ROOT) -> Path:
    from playwright.sync_api import sync_playwright

    inputs = preview_inputs(root)
    palette = next((Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("palette.*.min.css"))
    edition = load_content(root).edition
    logo = (root / "docs" / edition.logo).as_uri() if edition.logo else ""
    with tempfile.TemporaryDirectory() as folder:
        page_file = Path(folder) / "card.html"
        page_file.write_text(card_html(inputs, palette.as_uri(), logo), encoding="utf-8")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
            page.goto(page_file.as_uri())
            png = page.screenshot()
            browser.close()
    out = preview_path(root)
    out.write_bytes(with_text_chunk(png, FINGERPRINT_KEY, fingerprint(inputs)))
    return out


if __name__ == "__main__":
    print(f"wrote {draw().relative_to(ROOT)}")
    sys.exit(0)
