"""«Om dataene»: every figure's sources, read from what each figure carries.

A figure travels as MIME data (`helpers.figures.figure`) with its credit (`kilder`: one
publisher each) and the address of every row it draws (`radkilder`). While Sphinx reads a
chapter, this extension notes them per figure label; on the page with the directive
```{figurkilder}``` it writes one list: the figure's number (a {numref}), its publishers
and the pages its values come from. Nothing is listed by hand, so a figure that is added,
dropped or draws other rows changes the list.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from helpers.site.vega import figur

ENV_KEY = "oslo_figurkilder"


class figurkilder(nodes.General, nodes.Element):
    """Placeholder for the list, replaced once every chapter has been read."""


class FigurkilderDirective(SphinxDirective):
    has_content = False

    def run(self):
        return [figurkilder()]


def _label(node: nodes.Element) -> str | None:
    parent = node.parent
    while parent is not None and not isinstance(parent, nodes.document):
        names = [n for n in parent.get("names", []) if n.startswith("fig-")]
        if names:
            return names[0]
        parent = parent.parent
    return None


def _store(env) -> dict:
    if not hasattr(env, ENV_KEY):
        setattr(env, ENV_KEY, {})
    return getattr(env, ENV_KEY)


def _doctree_read(app: Sphinx, doctree) -> None:
    figurer = []
    for node in doctree.findall(figur):
        data = node["data"]
        figurer.append(
            {
                "label": _label(node),
                "tittel": data.get("tittel", ""),
                "kilder": data.get("kilder", []),
                "radkilder": list(dict.fromkeys(data.get("radkilder", []))),
            }
        )
    _store(app.env)[app.env.docname] = figurer


def _purge(app: Sphinx, env, docname: str) -> None:
    _store(env).pop(docname, None)


def _merge(app: Sphinx, env, docnames, other) -> None:
    _store(env).update({d: v for d, v in _store(other).items() if d in docnames})


def _toc_order(env) -> list[str]:
    order: list[str] = []

    def walk(doc: str) -> None:
        if doc in order:
            return
        order.append(doc)
        for child in env.toctree_includes.get(doc, []):
            walk(child)

    walk(env.config.root_doc)
    return order


def figurer_i_rekkefolge(env) -> list[tuple[str, dict]]:
    """(document, figure) for every figure with a label, in the book's order."""
    store = _store(env)
    docs = _toc_order(env) + sorted(d for d in store if d not in _toc_order(env))
    return [(doc, f) for doc in docs for f in store.get(doc, []) if f["label"]]


def _lenke(tekst: str, url: str) -> nodes.reference:
    return nodes.reference("", tekst, refuri=url)


def sider_per_utgiver(urls: list[str]) -> dict[str, dict[str, str]]:
    """The pages a figure's values come from, grouped under their publisher, each publisher
    once and in the order its first page appears: {publisher: {title: url}}."""
    from helpers.catalog.sources import kildeside
    from helpers.prose.norsk import typografi

    grupper: dict[str, dict[str, str]] = {}
    for url in urls:
        side = kildeside(url)
        grupper.setdefault(side.navn, {}).setdefault(str(typografi(side.tittel)), url)
    return grupper


def _sider(urls: list[str]) -> nodes.bullet_list:
    """«Folkehelseinstituttet (FHI, kopi av SSB-tall): side A; side B.», one line per publisher."""
    liste = nodes.bullet_list(classes=["oslo-sider"])
    for navn, titler in sider_per_utgiver(urls).items():
        linje = nodes.paragraph()
        linje += nodes.Text(f"{navn}: ")
        for i, (tittel, url) in enumerate(titler.items()):
            if i:
                linje += nodes.Text("; ")
            linje += _lenke(tittel, url)
        linje += nodes.Text(".")
        liste += nodes.list_item("", linje)
    return liste


class FigurkilderTransform(SphinxPostTransform):
    # Before the references are resolved (ReferencesResolver: 10), so the {numref} nodes
    # made here get their «Figur 1.1» like any other.
    default_priority = 5

    def run(self, **kwargs) -> None:
        for placeholder in list(self.document.findall(figurkilder)):
            liste = nodes.bullet_list()
            for _doc, f in figurer_i_rekkefolge(self.env):
                avsnitt = nodes.paragraph()
                avsnitt += addnodes.pending_xref(
                    "",
                    nodes.inline("", f["label"]),
                    refdomain="std",
                    reftype="numref",
                    reftarget=f["label"],
                    refdoc=self.env.docname,
                    refexplicit=False,
                    refwarn=True,
                )
                avsnitt += nodes.Text(": ")
                for i, k in enumerate(f["kilder"]):
                    if i:
                        avsnitt += nodes.Text("; ")
                    avsnitt += _lenke(k["tekst"], k["url"])
                avsnitt += nodes.Text(".")
                punkt = nodes.list_item("", avsnitt)
                if f["radkilder"]:
                    punkt += nodes.paragraph("", "Sidene tallene er hentet fra:")
                    punkt += _sider(f["radkilder"])
                liste += punkt
            placeholder.replace_self(liste)


def _always_rewrite(app: Sphinx, env) -> list[str]:
    # The page lists every chapter's figures: write it again whenever anything was read.
    return [d for d in env.found_docs if d.endswith("om-dataene")]


def setup(app: Sphinx) -> dict:
    app.add_node(figurkilder)
    app.add_directive("figurkilder", FigurkilderDirective)
    app.add_post_transform(FigurkilderTransform)
    app.connect("doctree-read", _doctree_read)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-updated", _always_rewrite)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
