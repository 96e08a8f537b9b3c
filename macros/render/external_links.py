"""A Python-Markdown extension that marks every link to another site.

Editors write ordinary Markdown links in the YAML; this makes sure each one that leaves the guide
is styled as external and shares neither the opener nor the referrer with the other site.
"""
from __future__ import annotations

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

EXTERNAL_CLASS = "external-link"
EXTERNAL_REL = "noopener noreferrer"


class _MarkExternalLinks(Treeprocessor):
    def run(self, root):
        for link in root.iter("a"):
            if link.get("href", "").startswith(("http://", "https://")):
                classes = link.get("class", "").split()
                link.set("class", " ".join([*classes, EXTERNAL_CLASS]) if EXTERNAL_CLASS not in classes
                         else " ".join(classes))
                link.set("rel", EXTERNAL_REL)


class ExternalLinks(Extension):
    """Adds class="external-link" and rel="noopener noreferrer" to links to other sites."""

    def extendMarkdown(self, md):  # noqa: N802 - the name Python-Markdown calls
        # Low priority: run after every other tree change, so that links made by other extensions count too.
        md.treeprocessors.register(_MarkExternalLinks(md), "mark_external_links", 1)
