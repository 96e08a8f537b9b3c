"""mkdocs-macros glue: load the content once, then expose one-line macros to the pages in docs/.

Everything else lives in plain modules, so that a move away from MkDocs touches only this file.
"""
from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError

from .content import ContentError
from .loading import load_content
from .render.about import render_about
from .render.decision_aid import render_decision_aid, render_decision_aid_print
from .render.external_links import ExternalLinks
from .render.finish import ThemeChanged, finish_page
from .render.guide import address_book, footer_html, render_home, render_section
from .render.training import (render_facilitator, render_quiz, render_quiz_answers, render_quiz_handout,
                              render_quiz_present, render_reflection)

# The training pages, by role: each is a page in docs/ that calls one macro.
TRAINING_PAGES = {"quiz": "quiz.md", "reflection": "reflection.md", "facilitator": "facilitator.md",
                  "present": "quiz-present.md", "handout": "quiz-handout.md", "answers": "quiz-answers.md"}


def define_env(env):
    """Called by mkdocs-macros before any page is rendered."""
    try:
        content = load_content(Path(env.project_dir))
    except ContentError as error:
        raise PluginError(str(error)) from None
    site, guide, training = content.site, content.guide, content.training
    book = address_book(guide)

    env.conf["site_name"] = guide.guide.title
    env.conf["site_description"] = guide.guide.description
    env.conf["copyright"] = footer_html(site, guide)
    # Read by overrides/partials/copyright.html: the pages every footer links to.
    env.conf["extra"]["footer_links"] = [
        {"title": content.about.accessibility.title, "page": f"{content.about.accessibility.id}/"},
        {"title": content.about.privacy.title, "page": f"{content.about.privacy.id}/"}]
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
    aid = content.decision_aid
    decision_pages = [(aid.title, aid.summary, f"{aid.id}.md")]
    env.macro(lambda: render_home(guide, site, training_pages, decision_pages), "home")
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
    env.macro(lambda: render_decision_aid(aid, book), "decision_aid")
    env.macro(lambda: render_decision_aid_print(aid, book), "decision_aid_print")


def on_post_build(env):
    """Finish every built page: theme fixes, and the Content-Security-Policy.

    `make serve` sets GUIDE_LIVE_PREVIEW: the live-reload script MkDocs adds while serving is inline
    and changes every time, so the policy is left out of the live preview only.
    """
    with_policy = not os.environ.get("GUIDE_LIVE_PREVIEW")
    site_dir = Path(env.conf["site_dir"])
    try:
        for page in sorted(site_dir.rglob("*.html")):
            name = page.relative_to(site_dir).as_posix()
            page.write_text(finish_page(page.read_text(encoding="utf-8"), name, with_policy), encoding="utf-8")
    except ThemeChanged as error:
        raise PluginError(str(error)) from None
