"""mkdocs-macros glue: load the content once, then expose one-line macros to the pages in docs/.

Everything else lives in plain modules, so that a move away from MkDocs touches only this file.
"""
from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError

from .content import ContentError
from .loading import load_content
from .offline import (WORKER_SHIM_ADDRESS, OfflineCopyError, copy_published_zip, copy_worker_shim,
                      published_download)
from .render.about import render_about
from .render.external_links import ExternalLinks
from .render.finish import ThemeChanged, finish_page
from .render.guide import address_book, footer_html, render_home, render_section
from .render.text import page_address
from .render.training import (render_facilitator, render_quiz, render_quiz_answers, render_quiz_handout,
                              render_quiz_present, render_reflection)

# The training pages, by role: each is a page in docs/ that calls one macro.
TRAINING_PAGES = {"quiz": "quiz.md", "reflection": "reflection.md", "facilitator": "facilitator.md",
                  "present": "quiz-present.md", "handout": "quiz-handout.md", "answers": "quiz-answers.md"}


def define_env(env):
    """Called by mkdocs-macros before any page is rendered."""
    try:
        content = load_content(Path(env.project_dir))
        # `make publish`: the offline copy's zip goes out with the site, and the home page offers it.
        download = published_download(Path(env.project_dir))
    except (ContentError, OfflineCopyError) as error:
        raise PluginError(str(error)) from None
    site, guide, training = content.site, content.guide, content.training
    book = address_book(guide)

    env.conf["site_name"] = guide.guide.title
    env.conf["site_description"] = guide.guide.description
    env.conf["copyright"] = footer_html(site, guide)
    # The offline copy (`make offline`) publishes quiz.html rather than quiz/: its plugin, after this one in
    # mkdocs.yml, switches directory URLs off. It is given our own copy of the search shim, so adds none.
    offline = offline_copy(env.conf)
    directory_urls = env.conf["use_directory_urls"] and not offline
    if offline:
        env.conf["extra"]["polyfills"] = [WORKER_SHIM_ADDRESS]
    # Read by overrides/partials/copyright.html: the pages every footer links to.
    env.conf["extra"]["footer_links"] = [
        {"title": page.title, "page": page_address(f"{page.id}.md", directory_urls)}
        for page in (content.about.accessibility, content.about.privacy)]
    if site.site_url:
        env.conf["site_url"] = site.site_url
    palette = env.conf["theme"]["palette"]
    for scheme in palette if isinstance(palette, list) else [palette]:
        scheme["primary"] = site.colour
    if site.logo:
        env.conf["theme"]["logo"] = site.logo

    # Added here rather than in mkdocs.yml so that Python-Markdown can find our module without sys.path changes.
    env.conf["markdown_extensions"].append(ExternalLinks())

    training_pages = [(page.title, page.summary, TRAINING_PAGES[role]) for role, page in
                      (("quiz", training.quiz), ("reflection", training.reflection),
                       ("facilitator", training.facilitator))]
    env.macro(lambda: render_home(guide, site, training_pages, download), "home")
    env.macro(lambda section_id: render_section(guide, section_id), "section")
    env.macro(lambda: render_quiz(training.quiz, book), "quiz")
    env.macro(lambda: render_reflection(training.reflection, guide.meaning_for_me, guide.guide.title), "reflection")
    env.macro(lambda: render_facilitator(training.facilitator, training.quiz, guide.meaning_for_me, TRAINING_PAGES),
              "facilitator")
    env.macro(lambda: render_quiz_present(training.quiz, book), "quiz_present")
    env.macro(lambda: render_quiz_handout(training.quiz), "quiz_handout")
    env.macro(lambda: render_quiz_answers(training.quiz, book), "quiz_answers")
    env.macro(lambda: render_about(content.about.accessibility), "accessibility_statement")
    env.macro(lambda: render_about(content.about.privacy, with_clear_button=True), "privacy_notice")


def offline_copy(conf) -> bool:
    """Whether this build is the offline copy (GUIDE_OFFLINE=true switches on the offline plugin)."""
    plugin = conf["plugins"].get("material/offline")
    return bool(plugin and plugin.config.enabled)


def on_post_build(env):
    """Finish every built page: theme fixes, and the Content-Security-Policy.

    `make serve` sets GUIDE_LIVE_PREVIEW: the live-reload script MkDocs adds while serving is inline
    and changes every time, so the policy is left out of the live preview only.
    """
    with_policy = not os.environ.get("GUIDE_LIVE_PREVIEW")
    site_dir = Path(env.conf["site_dir"])
    try:
        # The offline copy's search shim writes a script into a frame, which the policy must allow by its hash.
        shim = copy_worker_shim(site_dir) if offline_copy(env.conf) else None
        copy_published_zip(Path(env.project_dir), site_dir)
        for page in sorted(site_dir.rglob("*.html")):
            name = page.relative_to(site_dir).as_posix()
            page.write_text(finish_page(page.read_text(encoding="utf-8"), name, with_policy, shim),
                            encoding="utf-8")
    except (ThemeChanged, OfflineCopyError) as error:
        raise PluginError(str(error)) from None
