"""The quiz as a SCORM 1.2 package, for learning management systems that take SCORM (Moodle, Totara, ...).

    python -m macros.export.scorm [--out dist/information-sharing-quiz-scorm12.zip]

The package holds `imsmanifest.xml` at its root, one SCO (the quiz page, `index.html`) and only the files
that page uses, all linked by relative paths so that it works wherever the LMS unpacks it. The page is
made from the same quiz YAML as the site's quiz page; `assets/scorm.js` reports the score to the LMS.
"""
from __future__ import annotations

import argparse
import io
import sys
import xml.etree.ElementTree as ET
import zipfile
from html import escape
from pathlib import Path

import markdown

from ..content import ContentError
from ..loading import Content, load_content
from ..render.decision_record import record_book
from ..render.external_links import ExternalLinks
from ..render.finish import add_content_security_policy
from ..render.guide import address_book, footer_html
from ..render.training import render_quiz
from . import EXPORT_NAME

ROOT = Path(__file__).resolve().parent.parent.parent
PACKAGE_NAME = f"{EXPORT_NAME}-scorm12.zip"
LAUNCH_PAGE = "index.html"
# The theme's stylesheets in the package -> the name each starts with in the installed theme.
THEME_STYLESHEETS = {"assets/stylesheets/main.css": "main", "assets/stylesheets/palette.css": "palette"}
# The page's files, in the order the page loads them: the theme's styles, ours, the quiz, then the LMS glue.
OWN_STYLESHEETS = ("assets/guide.css", "assets/quiz.css")
STYLESHEETS = (*THEME_STYLESHEETS, *OWN_STYLESHEETS)
SCRIPTS = ("assets/quiz.js", "assets/scorm.js")
# Our own files, taken from docs/assets/.
OWN_FILES = (*OWN_STYLESHEETS, *SCRIPTS)
# Every file gets this date, so the same content always makes the same package.
FIXED_DATE = (2020, 1, 1, 0, 0, 0)

NAMESPACES = {
    "": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
    "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
SCHEMA_LOCATIONS = ("http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd "
                    "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd "
                    "http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd")
# The same Markdown extensions the site's pages are built with (mkdocs.yml), so the quiz reads the same.
MARKDOWN_EXTENSIONS = ["attr_list", "md_in_html", "admonition"]


def published_book(book: dict, site_url: str | None) -> dict:
    """The guide's address book with each address made absolute on the published site.

    Inside an LMS the guide's pages are not next to the quiz. Without a known site address a part of the
    guide is named but not linked, rather than linked to a page that is not there.
    """
    def published(address: str) -> str | None:
        if not site_url:
            return None
        page, _, anchor = address.partition("#")
        path = "" if page == "index.md" else page.removesuffix(".md") + "/"
        return site_url + path + (f"#{anchor}" if anchor else "")
    return {ident: (published(address), label) for ident, (address, label) in book.items()}


def sco_page(content: Content) -> str:
    """The quiz page for the package: the site's quiz, the LMS note, the footer, and a strict policy."""
    quiz, edition = content.training.quiz, content.edition
    book = {**address_book(content.guide), **record_book(content.decision_aid)}
    body = markdown.markdown(render_quiz(quiz, published_book(book, edition.site_url),
                                         lms_note=quiz.lms_note),
                             extensions=[*MARKDOWN_EXTENSIONS, ExternalLinks()])
    links = "\n".join(f'    <link rel="stylesheet" href="{path}">' for path in STYLESHEETS)
    scripts = "\n".join(f'    <script src="{path}"></script>' for path in SCRIPTS)
    colour = edition.colour.replace(" ", "-")
    html = f"""<!doctype html>
<html lang="en" class="no-js">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width,initial-scale=1">
    <title>{escape(quiz.title)} - {escape(content.guide.guide.title)}</title>
{links}
  </head>
  <body dir="ltr" data-md-color-scheme="default" data-md-color-primary="{colour}" data-md-color-accent="{colour}">
    <main class="md-main">
      <div class="md-main__inner md-grid">
        <div class="md-content">
          <article class="md-content__inner md-typeset">
{body}
          </article>
        </div>
      </div>
    </main>
    <footer class="md-typeset sco-footer">
      <p>{footer_html(edition, content.guide)}</p>
    </footer>
{scripts}
  </body>
</html>
"""
    return add_content_security_policy(html, LAUNCH_PAGE)


def manifest_xml(title: str, files: list[str]) -> str:
    """imsmanifest.xml: ADL SCORM 1.2 metadata, one organisation with one item, one SCO listing `files`."""
    for prefix, uri in NAMESPACES.items():
        ET.register_namespace(prefix, uri)
    cp, adlcp, xsi = (f"{{{NAMESPACES[name]}}}" for name in ("", "adlcp", "xsi"))
    manifest = ET.Element(f"{cp}manifest", {"identifier": f"{EXPORT_NAME}-manifest", "version": "1.2",
                                             f"{xsi}schemaLocation": SCHEMA_LOCATIONS})
    metadata = ET.SubElement(manifest, f"{cp}metadata")
    ET.SubElement(metadata, f"{cp}schema").text = "ADL SCORM"
    ET.SubElement(metadata, f"{cp}schemaversion").text = "1.2"
    organizations = ET.SubElement(manifest, f"{cp}organizations", default=f"{EXPORT_NAME}-organisation")
    organization = ET.SubElement(organizations, f"{cp}organization", identifier=f"{EXPORT_NAME}-organisation")
    ET.SubElement(organization, f"{cp}title").text = title
    item = ET.SubElement(organization, f"{cp}item", identifier=f"{EXPORT_NAME}-item",
                         identifierref=f"{EXPORT_NAME}-sco", isvisible="true")
    ET.SubElement(item, f"{cp}title").text = title
    resources = ET.SubElement(manifest, f"{cp}resources")
    resource = ET.SubElement(resources, f"{cp}resource", {"identifier": f"{EXPORT_NAME}-sco", "type": "webcontent",
                                                          f"{adlcp}scormtype": "sco", "href": LAUNCH_PAGE})
    for path in files:
        ET.SubElement(resource, f"{cp}file", href=path)
    ET.indent(manifest)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(manifest, encoding="unicode") + "\n"


def scorm_package(title: str, files: dict[str, bytes]) -> bytes:
    """The zip: imsmanifest.xml at the root, listing every other file, then the files themselves."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as package:
        for name, data in [("imsmanifest.xml", manifest_xml(title, sorted(files)).encode("utf-8")),
                           *sorted(files.items())]:
            package.writestr(zipfile.ZipInfo(name, FIXED_DATE), data, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def theme_stylesheet(prefix: str) -> bytes:
    """One of Material for MkDocs' own stylesheets (main or palette), from the installed theme."""
    import material  # the theme's package: its built stylesheets carry a hash in their names

    found = sorted((Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob(f"{prefix}.*.min.css"))
    if len(found) != 1:
        raise FileNotFoundError(f"expected one {prefix}.*.min.css in the installed Material theme, found {len(found)}")
    return found[0].read_bytes()


def package_for(root: Path) -> bytes:
    """The SCORM package for the content under `root`."""
    content = load_content(root)
    assets = root / "docs" / "assets"
    files = {
        LAUNCH_PAGE: sco_page(content).encode("utf-8"),
        **{path: theme_stylesheet(prefix) for path, prefix in THEME_STYLESHEETS.items()},
        **{path: (assets / Path(path).name).read_bytes() for path in OWN_FILES},
    }
    return scorm_package(f"{content.guide.guide.title}: {content.training.quiz.title}", files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / PACKAGE_NAME, help="where to write the zip")
    arguments = parser.parse_args(argv)
    try:
        data = package_for(ROOT)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 2
    arguments.out.parent.mkdir(parents=True, exist_ok=True)
    arguments.out.write_bytes(data)
    print(f"wrote {arguments.out} ({len(data) // 1024} KB): upload it to your LMS as a SCORM 1.2 package")
    return 0


if __name__ == "__main__":
    sys.exit(main())
