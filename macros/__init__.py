"""mkdocs-macros glue: load the content once, then expose one-line macros to the pages in docs/.

Everything else lives in plain modules, so that a move away from MkDocs touches only this file.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from .content import ContentError
from .loading import load_content
from .render.external_links import ExternalLinks
from .render.guide import footer_html, render_home, render_section


def define_env(env):
    """Called by mkdocs-macros before any page is rendered."""
    try:
        content = load_content(Path(env.project_dir))
    except ContentError as error:
        raise PluginError(str(error)) from None
    site, guide = content.site, content.guide

    env.conf["site_name"] = guide.guide.title
    env.conf["site_description"] = guide.guide.description
    env.conf["copyright"] = footer_html(site, guide)
    if site.site_url:
        env.conf["site_url"] = site.site_url
    palette = env.conf["theme"]["palette"]
    for scheme in palette if isinstance(palette, list) else [palette]:
        scheme["primary"] = site.colour
    if site.logo:
        env.conf["theme"]["logo"] = site.logo

    # Added here rather than in mkdocs.yml so that Python-Markdown can find our module without sys.path changes.
    env.conf["markdown_extensions"].append(ExternalLinks())

    env.macro(lambda: render_home(guide, site), "home")
    env.macro(lambda section_id: render_section(guide, section_id), "section")
