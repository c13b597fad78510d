"""What a number in the text is and where it comes from, in Norwegian.

A statistic a chapter writes with `tall`, `prosent` or `desimal` from a value with lineage
(`helpers.analysis.opphav`) is a `Tall`. `beskrivelse(t)` says, ready for a page, what the
number is, how it was computed (each step with Norwegian numbers), the rows it came from
with their sources, and how fresh the data are. The book shows it in a panel by the number
and in the page's list «Tallene i kapitlet» (`helpers.site.tallpanel`); `forklar(t)` shows
the same in JupyterLab, the rows as a table.
"""

from __future__ import annotations

import html
import re

from helpers.prose.norsk import Tall, Tekst, liste, tall, typografi

VERSJON = 1


def _tall_i_regning(x: float, desimaler: int | None = None) -> str:
    """A number in a step: whole numbers whole, others with the text's decimals (at least
    one, and two for small numbers, so a step never reads «0 × 1 000»)."""
    if desimaler is None:
        if float(x).is_integer():
            desimaler = 0
        else:
            desimaler = 1 if abs(x) >= 10 else 2 if abs(x) >= 0.1 else 4
    return str.__str__(tall(x, desimaler))


def regning(opphav, desimaler: int) -> list[str]:
    """Each step of the arithmetic, the last step's result at the text's precision."""
    linjer = []
    for i, steg in enumerate(opphav.steg):
        siste = i == len(opphav.steg) - 1
        tall_ = [
            _tall_i_regning(x, desimaler if (siste and j == len(steg.tall) - 1) else None)
            for j, x in enumerate(steg.tall)
        ]
        linjer.append(steg.mal.format(*tall_))
    return linjer


def _ferskhet(datasett: str) -> str:
    from helpers.catalog.registry import describe
    from helpers.store.package import has_resource, resource_meta

    try:
        ds = describe(datasett)
    except KeyError:
        return ""
    hentet = [q for q in ds.ssb if has_resource(q.resource)]
    if hentet:
        dato = max(str(resource_meta(q.resource).get("retrieved", ""))[:10] for q in hentet)
        from helpers.prose.norsk import dato as dato_

        return f"Hentet fra SSBs statistikkbank {dato_(dato)}."
    return (
        "Skrevet av fra den publiserte siden som er lenket til; ikke hentet direkte fra SSBs statistikkbank."
    )


# A number computed from many rows (a share of all residents, by single year of age) shows
# its rows in groups: one line per source page, region and year, with how many values it
# holds and their sum, so the page stays light (the sum is what the arithmetic uses).
MAKS_RADER = 12


def rader_tekst(rader: list) -> list[dict]:
    if len(rader) <= MAKS_RADER:
        return [rad_tekst(r) for r in rader]
    grupper: dict[tuple, list] = {}
    for r in rader:
        grupper.setdefault((r.serie.split(", ")[0], r.region, r.periode, r.kilde, r.utgiver), []).append(r)
    out = []
    for (serie, region, periode, kilde, utgiver), rs in grupper.items():
        if len(rs) == 1:
            out.append(rad_tekst(rs[0]))
            continue
        fra, til = rs[0].serie.split(", ", 1)[-1], rs[-1].serie.split(", ", 1)[-1]
        out.append(
            {
                "serie": typografi(f"{serie}, {fra} til {til} ({len(rs)} verdier)"),
                "region": region,
                "periode": periode,
                "verdi": f"til sammen {_tall_i_regning(sum(r.verdi for r in rs))}",
                "kilde": kilde,
                "utgiver": utgiver,
            }
        )
    return out


def rad_tekst(rad) -> dict:
    return {
        "serie": typografi(rad.serie),
        "region": rad.region,
        "periode": rad.periode,
        "verdi": _tall_i_regning(rad.verdi) + (f"\u00a0{rad.enhet}" if rad.enhet == "personer" else ""),
        "kilde": rad.kilde,
        "utgiver": rad.utgiver,
    }


def _hva_fra_rader(rader: list) -> str:
    serier = list(dict.fromkeys(r.serie.split(", ")[0] for r in rader))
    return (
        f"Regnet ut fra {liste(s[:1].lower() + s[1:] for s in serier)}" if serier else "Regnet ut fra dataene"
    )


def beskrivelse(t: Tall) -> dict:
    """The explanation of one number as data for a page (JSON)."""
    o = t.opphav
    rader = list(o.rader)
    datasett = sorted({r.datasett for r in rader if r.datasett})
    ferskhet = " ".join(f for f in (_ferskhet(d) for d in datasett) if f)
    linjer = regning(o, t.desimaler)
    tekst = str.__str__(t).removesuffix("\u00a0prosent").removesuffix("\u00a0%")
    if not linjer and len(rader) == 1 and _tall_i_regning(rader[0].verdi) != tekst:
        linjer = [f"{_tall_i_regning(rader[0].verdi)} rundet av til {tekst}"]
    return {
        "versjon": VERSJON,
        "tekst": str.__str__(t),
        "hva": typografi(o.hva or _hva_fra_rader(rader)),
        "regning": linjer or ["Tallet er lest rett fra raden under, ikke regnet om."],
        "rader": rader_tekst(rader),
        "ferskhet": ferskhet,
    }


def panel_html(b: dict, overskrift: str = "h3") -> str:
    """The explanation as HTML: the same in the book's panel, its list and JupyterLab."""
    e = html.escape
    rader = "".join(
        "<tr>"
        f"<td>{e(r['serie'])}{', ' + e(r['region']) if r['region'] else ''}</td><td>{e(r['periode'])}</td>"
        f"<td class='tall'>{e(r['verdi'])}</td>"
        f"<td>{_lenke(r)}</td></tr>"
        for r in b["rader"]
    )
    steg = "".join(f"<li>{e(s)}</li>" for s in b["regning"])
    return (
        f"<p class='oslo-tall-hva'>Tallet <strong>{e(b['tekst'])}</strong> er: {e(b['hva'])}.</p>"
        f"<p class='oslo-tall-ledd'>Slik er det regnet ut:</p><ol class='oslo-tall-regning'>{steg}</ol>"
        f"<p class='oslo-tall-ledd'>Tallene det bygger på:</p>"
        "<div class='oslo-tall-rader' tabindex='0' role='region' aria-label='Tallene det bygger på'>"
        "<table><thead><tr><th scope='col'>Hva</th><th scope='col'>År</th>"
        f"<th scope='col'>Verdi</th><th scope='col'>Kilde</th></tr></thead><tbody>{rader}</tbody></table></div>"
        + (f"<p class='oslo-tall-fersk'>{e(b['ferskhet'])}</p>" if b["ferskhet"] else "")
    )


def _lenke(r: dict) -> str:
    e = html.escape
    navn = r["utgiver"] or "kilden"
    if r["kilde"].startswith(("https://", "http://")):
        return f"<a href='{e(r['kilde'])}'>{e(navn)}</a>"
    return e(navn)


class Forklaring:
    """What `forklar` returns: the explanation as text (a terminal) and HTML (JupyterLab)."""

    def __init__(self, b: dict):
        self.beskrivelse = b

    @property
    def rader(self):
        import pandas as pd

        return pd.DataFrame(self.beskrivelse["rader"])

    def __repr__(self) -> str:
        b = self.beskrivelse
        linjer = [f"Tallet {b['tekst']} er: {b['hva']}.", "Slik er det regnet ut:"]
        linjer += [f"  {s}" for s in b["regning"]]
        linjer.append("Tallene det bygger på:")
        linjer += [
            f"  {r['serie']}, {r['region']}, {r['periode']}: {r['verdi']} ({r['utgiver']}, {r['kilde']})"
            for r in b["rader"]
        ]
        if b["ferskhet"]:
            linjer.append(b["ferskhet"])
        return "\n".join(linjer)

    def _repr_html_(self) -> str:
        return f"<div class='oslo-tall-forklaring'>{panel_html(self.beskrivelse)}</div>"


def forklar(t) -> Forklaring | Tekst:
    """The explanation of a number in the text: `forklar(ut_2020)` or `forklar("ut_2020")`
    in a chapter."""
    if type(t) is str and t.isidentifier():
        import inspect

        frame = inspect.currentframe()
        caller = frame.f_back if frame is not None else None
        funnet = caller.f_locals.get(t, caller.f_globals.get(t)) if caller else None
        if funnet is None:
            raise NameError(f"ingen verdi med navnet {t!r} i kapitlet")
        t = funnet
    if isinstance(t, Tall):
        return Forklaring(beskrivelse(t))
    if getattr(t, "opphav", None) is not None:
        return Forklaring(beskrivelse(Tall(_tall_i_regning(float(t)), t.opphav, 0)))
    tekst = str(t)
    if re.search(r"\d", tekst):
        return Tekst(
            f"«{tekst}» er et strukturelt tall (et år, en periode eller en telling), ikke en statistikk."
        )
    return Tekst(f"«{tekst}» er tekst uten tall.")
