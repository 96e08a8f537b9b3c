"""A second partnership's edition: the national text with another local file (tests/editions/exampleshire.yml), built
once (conftest.py). Nothing of the default edition shows in it; its own names, front doors and resources stand
where the default's do; every anchor of the national text is the same, so intranet links work in every edition."""
from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from urllib.parse import urlsplit

import pytest

from macros.edition import local_names
from macros.export.scorm import package_for
from macros.loading import Content, load_content
from macros.render.text import records_with_ids
from tools.make_preview import FINGERPRINT_KEY, fingerprint, png_facts, preview_inputs

from .conftest import OLD_ANCHOR, ROOT, SECOND_EDITION, BuiltSite
from .helpers import squeeze, visible_text
from .test_links import PUBLISHED, leads_to

# Files that are pictures or archives: read as text they say nothing.
BINARY = (".png", ".zip", ".gz", ".ico", ".woff", ".woff2")


@pytest.fixture(scope="module")
def second(second_edition) -> BuiltSite:
    """The second edition's built site (conftest.py)."""
    return second_edition.site


@pytest.fixture(scope="module")
def second_content(second_edition) -> Content:
    """The second edition's content, as its build loaded it."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GUIDE_EDITION", SECOND_EDITION)
        return load_content(second_edition.project)


@pytest.fixture(scope="module")
def default_words(content) -> list[str]:
    """What would give the default edition away: its names and places, and the sites its local file links to."""
    edition = content.edition
    addresses = [edition.contact_url, edition.website, *(door.url for door in edition.front_doors),
                 *(record.url for record in records_with_ids(edition) if record.url)]
    return [*local_names(content.documents[content.edition_file]),
            *{urlsplit(address).hostname for address in addresses if address.startswith("http")}]


@pytest.fixture(scope="module")
def exports(second_edition) -> dict[str, bytes]:
    """The second edition's offline copy and SCORM package, made as `make offline` and `make scorm` make them."""
    project = second_edition.project
    (project / "node_modules").symlink_to(ROOT / "node_modules")  # the offline copy's search shim
    result = subprocess.run([sys.executable, "-m", "macros.offline", "offline.zip"], cwd=project, capture_output=True,
                            text=True, timeout=300, env={**os.environ, "GUIDE_EDITION": SECOND_EDITION})
    assert result.returncode == 0, result.stdout + result.stderr
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GUIDE_EDITION", SECOND_EDITION)
        return {"offline copy": (project / "offline.zip").read_bytes(), "SCORM package": package_for(project)}


def zip_texts(data: bytes) -> dict[str, str]:
    """Every text file in a zip, by its name."""
    with zipfile.ZipFile(io.BytesIO(data)) as opened:
        return {name: opened.read(name).decode("utf-8") for name in opened.namelist()
                if not name.endswith(("/", *BINARY))}


def mentions(texts: dict[str, str], words: list[str]) -> list[str]:
    """Each file that mentions one of the words (in any case), with the word."""
    return [f"{name}: {word}" for name, text in texts.items() for word in words if word.lower() in text.lower()]


def test_the_second_edition_builds_clean_with_strict_checks(second_edition):
    """`make build EDITION=exampleshire` builds with --strict and says nothing is wrong."""
    assert "WARNING" not in second_edition.build_output and "ERROR" not in second_edition.build_output


def test_no_page_download_or_search_index_of_the_second_edition_mentions_the_default_partnership(second, default_words):
    """No page, quiz download (Moodle XML, GIFT), sitemap or search index names the default partnership, its places
    or its websites."""
    texts = {path.relative_to(second.folder).as_posix(): path.read_text(encoding="utf-8")
             for path in sorted(second.folder.rglob("*")) if path.is_file() and not path.name.endswith(BINARY)}
    assert {"search/search_index.json", "sitemap.xml", "downloads/information-sharing-quiz-moodle.xml",
            "downloads/information-sharing-quiz-gift.txt", "index.html"} <= set(texts)
    assert mentions(texts, default_words) == []


def test_the_second_editions_offline_copy_and_scorm_package_do_not_mention_the_default(exports, default_words):
    """The offline copy (every page and its search index) and the SCORM package name nothing of the default."""
    for what, data in exports.items():
        texts = zip_texts(data)
        assert texts, what
        assert mentions(texts, default_words) == [], what


def test_the_second_editions_preview_picture_is_drawn_from_its_own_name(second, second_edition):
    """The link preview picture the second edition publishes was drawn from its own name, colour and the guide."""
    published = (second.folder / "assets" / "images" / "preview.png").read_bytes()
    _, _, texts = png_facts(published)
    assert texts[FINGERPRINT_KEY.decode()] != fingerprint(preview_inputs(ROOT))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GUIDE_EDITION", SECOND_EDITION)
        assert texts[FINGERPRINT_KEY.decode()] == fingerprint(preview_inputs(second_edition.project)), (
            f"tests/editions/{SECOND_EDITION}-preview.png no longer matches its content: redraw it with make preview")


def local_texts(content: Content) -> list[str]:
    """An edition's local values, in the same order for every edition: its names and area, its contact, each front
    door's words, and the titles of the resources and sources the national text names."""
    edition, resources, sources = content.edition, {item.id: item for item in content.guide.resources.items}, \
        content.sources.by_id()
    return [edition.partnership_name, edition.short_name, f"agency in {edition.area}.", edition.contact,
            *(getattr(door, part) for door in edition.front_doors for part in ("for_whom", "name", "link_text")),
            resources[edition.referral_guide].title, resources[edition.escalation_policy].title,
            sources[edition.local_procedures].title, sources[edition.partnership_website].title]


def test_its_own_names_front_doors_and_resources_stand_where_the_defaults_do(site, second, content, second_content):
    """Wherever a page of the default edition shows one of its local values (the partnership's names and area,
    its contact, its front doors, the resources and sources national text names), the same page of the second
    edition shows the second's value."""
    pairs = list(zip(local_texts(content), local_texts(second_content)))
    assert len(pairs) == 14
    problems = []
    for address in site.addresses():
        shown, shown_there = (squeeze(built.page(address).get_text(" ")) for built in (site, second))
        for default_text, own_text in pairs:
            if default_text in shown and own_text not in shown_there:
                problems.append(f"{address}: {default_text!r} shown, but not {own_text!r} in the second edition")
    assert problems == []


def test_its_front_doors_are_links_without_numbers_until_confirmed(second, second_content):
    """The second edition's front doors, not yet confirmed, are links to its own pages on the home page and the
    urgent outcomes, with no phone number; its pages say they are a draft for that reason."""
    for address, selector in (("", ".first-screen .front-doors"), ("should-i-share/", "#refer-now .front-doors")):
        block = second.page(address).select_one(selector)
        links = {link["href"]: visible_text(link) for link in block.select("a[href]")}
        for door in second_content.edition.front_doors:
            assert links.get(door.url) == door.link_text, address
        assert not block.select("a[href^='tel:']")
    assert visible_text(second.page("").select_one(".draft-notice")).startswith(
        "Draft: the referral contacts are not yet confirmed")


def test_its_own_resources_follow_the_national_ones_with_their_own_anchors(second, content, second_content):
    """The resources page lists the national resources, then the second edition's own, each at its own id."""
    national = [item.id for item in content.guide.resources.items if item not in content.edition.resources]
    own = [item.id for item in second_content.edition.resources]
    listed = [heading["id"] for heading in second.page("resources/").select("article h2[id]")
              if heading["id"] in national + own]
    assert listed == national + own


def national_anchors(built: BuiltSite, address: str, local: set[str]) -> set[str]:
    """The ids in a page's content, but for the edition's own."""
    return {element["id"] for element in built.page(address).select("article [id]")} - local


def test_every_anchor_of_the_national_text_is_the_same_in_both_editions(site, second, content, second_content):
    """Every page has the same anchors in both editions, but for each edition's own resources and sources: a link
    to a golden rule, a key message or a question works in every edition."""
    default_local = {record.id for record in records_with_ids(content.edition)}
    # The second edition's build also keeps one renamed id working (conftest.py): an old anchor, not a new one.
    own = {record.id for record in records_with_ids(second_content.edition)} | {OLD_ANCHOR}
    assert site.addresses() == second.addresses()
    different = [address for address in site.addresses()
                 if national_anchors(site, address, default_local) != national_anchors(second, address, own)]
    assert different == []


def test_every_published_national_address_opens_in_the_second_edition(second, content):
    """Every address in links/published.txt but the default edition's own resources and sources opens its page
    and anchor in the second edition."""
    default_local = {record.id for record in records_with_ids(content.edition)}
    national = [address for address in PUBLISHED if address.partition("#")[2] not in default_local]
    assert len(national) < len(PUBLISHED)
    assert [problem for address in national if (problem := leads_to(second, address))] == []
