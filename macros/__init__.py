"""mkdocs-macros glue: load the content once, then expose one-line macros to the pages in docs/.

Everything else lives in plain modules, so that a move away from MkDocs touches only this file.
"""
from __future__ import annotations

import datetime
import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from .content import ContentError
from .edition import PREVIEW_ADDRESS, preview_picture
from .export.downloads import quiz_downloads
from .loading import load_content
from .offline import (WORKER_SHIM_ADDRESS, OfflineCopyError, copy_published_zip, copy_worker_shim,
                      published_download)
from .render.about import draft_line, render_about, render_readiness
from .render.contacts import front_doors_block
from .render.decision_aid import OutcomeLinks, render_decision_aid, render_decision_aid_print
from .render.decision_record import record_book, record_offer, render_decision_record_page, render_record_form
from .render.external_links import ExternalLinks
from .render.finish import (MINIFIERS, ThemeChanged, add_content_security_policy, finish_page, minified_asset,
                            pruned_palette)
from .render.guide import address_book, footer_html, render_home, render_section, review_line
from .render.links import absolute, add_old_anchors, moved_page, render_link_page
from .render.text import page_address
from .render.training import (render_cpd_record, render_facilitator, render_meaning_for_me, render_quiz,
                              render_quiz_answers, render_quiz_handout, render_quiz_present)
from .site_pages import TRAINING_FILES, published_address, site_pages

log = logging.getLogger("mkdocs.plugins.information_sharing")


def define_env(env):
    """Called by mkdocs-macros before any page is rendered."""
    try:
        content = load_content(Path(env.project_dir))
        # `make publish`: the offline copy's zip goes out with the site, and the home page offers it.
        download = published_download(Path(env.project_dir))
        env.variables["preview_picture"] = preview_picture(Path(env.project_dir))
    except (ContentError, OfflineCopyError) as error:
        raise PluginError(str(error)) from None
    site, edition, guide, training = content.site, content.edition, content.guide, content.training
    # The quiz links to the record of a decision too (a question's `see`).
    book = {**address_book(guide), **record_book(content.decision_aid)}
    pages = site_pages(content)
    # Read by on_pre_page_macros and on_post_build below.
    env.variables["page_summaries"] = {page.file: page.summary for page in pages}
    env.variables["site_settings"] = site
    # Imported here, not at the top: `python -m macros.report` (or macros.release) would otherwise find it already
    # imported.
    from .release import reader_kinds, refusal, release_reasons
    from .report import law_check_warnings, overdue_warning

    today = datetime.date.today()
    # `make publish` sets GUIDE_PUBLISH: the public site is built only when everything is ready and signed off.
    # Any other build is a draft, and every page says so, linking to the page that lists what is not ready.
    reasons = release_reasons(content, Path(env.project_dir), today)
    if reasons and os.environ.get("GUIDE_PUBLISH"):
        raise PluginError(refusal(reasons))
    warning = overdue_warning(guide, today)
    # INFO, not WARNING: strict mode fails the build on a warning, and none of these must stop it.
    if warning:
        log.info(warning)
    for law_warning in law_check_warnings(content.sources, today):
        log.info(law_warning)
    for content_warning in content.warnings:
        log.info(f"CONTENT WARNING: {content_warning}")

    env.conf["site_name"] = guide.guide.title
    env.conf["site_description"] = guide.guide.description
    env.conf["copyright"] = footer_html(edition, guide)
    # The offline copy (`make offline`) publishes quiz.html rather than quiz/: its plugin, after this one in
    # mkdocs.yml, switches directory URLs off. It is given our own copy of the search shim, so adds none.
    offline = offline_copy(env.conf)
    directory_urls = env.conf["use_directory_urls"] and not offline
    if offline:
        env.conf["extra"]["polyfills"] = [WORKER_SHIM_ADDRESS]
    # Read by overrides/partials/copyright.html: the pages every footer links to.
    env.conf["extra"]["footer_links"] = [
        {"title": page.title, "page": page_address(f"{page.id}.md", directory_urls)}
        for page in (content.about.accessibility, content.about.privacy, content.about.linking)]
    # Read by overrides/main.html: on a draft, a line at the top of every page saying so.
    readiness = content.about.readiness
    env.conf["extra"]["draft_notice"] = {
        "text": draft_line(reader_kinds(reasons)), "link": readiness.title,
        "page": page_address(f"{readiness.id}.md", directory_urls)} if reasons else None
    if edition.site_url:
        env.conf["site_url"] = edition.site_url
    palette = env.conf["theme"]["palette"]
    for scheme in palette if isinstance(palette, list) else [palette]:
        scheme["primary"] = edition.colour
    if edition.logo:
        env.conf["theme"]["logo"] = edition.logo
    # Read by overrides/partials/header.html: the partnership's name above the guide's title.
    env.conf["extra"]["partnership_short_name"] = edition.short_name

    # Added here rather than in mkdocs.yml so that Python-Markdown can find our module without sys.path changes.
    env.conf["markdown_extensions"].append(ExternalLinks())

    # The home page's cards: (title, summary, file) of the pages it points to.
    cards = {page.file: (page.title, page.summary, page.file) for page in pages}
    training_pages = [cards[TRAINING_FILES[role]] for role in ("quiz", "facilitator")]
    aid = content.decision_aid
    decision_pages = [cards[f"{aid.id}.md"]]
    env.macro(lambda: render_home(guide, site, edition, training_pages, decision_pages, download), "home")
    # The CPD record names the guide, who publishes it and its review dates, and offers every part to tick.
    activity = f"{guide.guide.title}, published by {edition.partnership_name}. {review_line(guide)}"
    parts = [page.title for page in pages if page.file in
             (*(f"{section.id}.md" for section in guide.sections), f"{aid.id}.md", TRAINING_FILES["quiz"],
              TRAINING_FILES["facilitator"])]
    cpd_record = render_cpd_record(training.reflection.cpd_record, activity, parts, training.quiz)
    meaning_for_me = lambda: render_meaning_for_me(guide.meaning_for_me, training.reflection, book,  # noqa: E731
                                                   guide.guide.title, cpd_record)
    env.macro(lambda section_id: render_section(guide, section_id, content.sources, meaning_for_me), "section")
    env.macro(lambda: render_quiz(training.quiz, book), "quiz")
    downloads = quiz_downloads(training.quiz, guide.guide.title)
    # Read by on_pre_page_macros below, which adds the files to the site.
    env.variables["quiz_downloads"] = downloads
    env.macro(lambda: render_facilitator(training.facilitator, training.quiz, guide.meaning_for_me, TRAINING_FILES,
                                         [(item.label, item.path, item.description) for item in downloads]),
              "facilitator")
    # The QR code on the projector's title slide needs the quiz's full address, so only when site_url is set.
    quiz_address = edition.site_url + page_address(TRAINING_FILES["quiz"]) if edition.site_url else None
    env.macro(lambda: render_quiz_present(training.quiz, book, guide.guide.title, quiz_address,
                                          TRAINING_FILES["facilitator"]), "quiz_present")
    env.macro(lambda: render_quiz_handout(training.quiz, edition.partnership_name), "quiz_handout")
    # On paper a link shows where it goes: the full address when the site's address is known.
    env.macro(lambda: render_quiz_answers(training.quiz, book, edition.partnership_name,
                                          lambda docs_address: absolute(published_address(*docs_address.split("#")),
                                                                        edition.site_url)),
              "quiz_answers")
    env.macro(lambda: render_about(content.about.accessibility), "accessibility_statement")
    env.macro(lambda: render_about(content.about.privacy, with_clear_button=True), "privacy_notice")
    env.macro(lambda: render_readiness(readiness, [(reason.for_readers, reason.about) for reason in reasons],
                                       edition.approved), "readiness_page")
    doors = front_doors_block(edition.front_doors, site.front_doors_closed)
    # Every outcome offers a record of the decision: on the step-through, a form its script fills in; elsewhere
    # (and without scripts) a link to that outcome's printable record.
    bases = guide.key_messages.lawful_bases.bases
    offer = lambda outcome, links: record_offer(outcome, aid, links)  # noqa: E731
    env.macro(lambda: render_decision_aid(aid, book, content.sources, doors, offer,
                                          render_record_form(aid, bases)), "decision_aid")
    env.macro(lambda: render_decision_aid_print(aid, book, content.sources, doors, offer), "decision_aid_print")
    env.macro(lambda: render_decision_record_page(aid, OutcomeLinks(book, content.sources, doors, aid.urgency_words),
                                                  bases), "decision_record")
    env.macro(lambda: render_link_page(content.about.linking, pages, edition.site_url), "link_page")


def on_pre_page_macros(env):
    """Before each page is rendered.

    The page's description (search results, link previews) is its one-line summary from the YAML.
    The quiz downloads are added to MkDocs' files (once), so that MkDocs copies them into the built site and,
    in strict mode, checks every link to them like any other; so is the edition's link preview picture.
    """
    summary = env.variables["page_summaries"].get(env.page.file.src_uri)
    if summary:
        env.page.meta["description"] = summary
    files = env.variables["files"]
    for download in env.variables["quiz_downloads"]:
        if files.get_file_from_path(download.path) is None:
            files.append(File.generated(env.conf, download.path, content=download.text))
    if files.get_file_from_path(PREVIEW_ADDRESS) is None:
        files.append(File.generated(env.conf, PREVIEW_ADDRESS, abs_src_path=str(env.variables["preview_picture"])))


def offline_copy(conf) -> bool:
    """Whether this build is the offline copy (GUIDE_OFFLINE=true switches on the offline plugin)."""
    plugin = conf["plugins"].get("material/offline")
    return bool(plugin and plugin.config.enabled)


def minify_own_assets(source: Path, published: Path) -> None:
    """Replace the site's copies of our own scripts and styles (docs/assets/*.js, *.css) with minified ones."""
    for asset in sorted(source.iterdir()):
        copy = published / asset.name
        # A file kept out of the site (scorm.js) has no copy to minify.
        if asset.suffix in MINIFIERS and copy.exists():
            copy.write_text(minified_asset(asset.name, asset.read_text(encoding="utf-8")), encoding="utf-8")


def prune_theme_palette(site_dir: Path, palette) -> None:
    """Keep in the theme's palette stylesheet only the colours and schemes mkdocs.yml (and the local file) use."""
    sheets = sorted((site_dir / "assets" / "stylesheets").glob("palette.*.min.css"))
    if len(sheets) != 1:
        raise ThemeChanged(f"expected one palette stylesheet from the theme, found {len(sheets)}; has Material changed?")
    # The theme's own defaults when a scheme leaves one out, written as it writes them into the page.
    defaults = {"primary": "indigo", "accent": "indigo", "scheme": "default"}
    in_use = {(kind, str(scheme.get(kind) or default).replace(" ", "-").lower())
              for scheme in (palette if isinstance(palette, list) else [palette]) for kind, default in defaults.items()}
    sheets[0].write_text(pruned_palette(sheets[0].read_text(encoding="utf-8"), in_use), encoding="utf-8")


def on_post_build(env):
    """Finish every built page (theme fixes, indentation, the Content-Security-Policy); minify our own assets and
    prune the theme's palette stylesheet to the colours in use.

    `make serve` sets GUIDE_LIVE_PREVIEW: the live-reload script MkDocs adds while serving is inline
    and changes every time, so the policy is left out of the live preview only.
    """
    with_policy = not os.environ.get("GUIDE_LIVE_PREVIEW")
    site_dir = Path(env.conf["site_dir"])
    site = env.variables["site_settings"]
    try:
        # The offline copy's search shim writes a script into a frame, which the policy must allow by its hash.
        shim = copy_worker_shim(site_dir) if offline_copy(env.conf) else None
        copy_published_zip(Path(env.project_dir), site_dir)
        minify_own_assets(Path(env.conf["docs_dir"]) / "assets", site_dir / "assets")
        prune_theme_palette(site_dir, env.conf["theme"]["palette"])
        for page in sorted(site_dir.rglob("*.html")):
            name = page.relative_to(site_dir).as_posix()
            html = add_old_anchors(page.read_text(encoding="utf-8"), site.old_anchors)
            page.write_text(finish_page(html, name, with_policy, shim), encoding="utf-8")
    except (ThemeChanged, OfflineCopyError) as error:
        raise PluginError(str(error)) from None
    # Written after the theme's pages are finished: they are our own small pages, not the theme's. The offline
    # copy has none: it is new in every zip, so nobody holds an old address into it.
    for moved in () if offline_copy(env.conf) else site.moved_pages or ():
        old_page = site_dir / moved.old / "index.html"
        if old_page.exists():
            raise PluginError(f"content/site.yml: moved_pages: {moved.old} is still a page of the site; "
                              "expected the old address of a page that has moved")
        old_page.parent.mkdir(parents=True, exist_ok=True)
        html = moved_page(env.conf["site_name"], moved.old, moved.new)
        old_page.write_text(add_content_security_policy(html, moved.old) if with_policy else html, encoding="utf-8")
