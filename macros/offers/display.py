"""How an offer item is said in words: its value, ages, where it comes from and how old it is.

Used by the templates (as Jinja filters) and by the JSON the pages' script reads, so the
browser shows exactly the words the static pages show.
"""
from __future__ import annotations

from datetime import date

from macros.documents.document import slug
from macros.core.dates import human_date
from macros.offers.catalogue import AREAS


def money(value) -> str:
    return f"£{value:,.2f}" if isinstance(value, float) and not value.is_integer() else f"£{int(value):,}"


def value_text(claim) -> str:
    """The value in words, with the source's weakness beside it wherever it is shown."""
    caveat = getattr(claim, "caveat", None)
    text = _bare_value(claim)
    return f"{text} ({caveat})" if caveat else text


def _bare_value(claim) -> str:
    v, unit = claim.value, claim.unit
    if unit == "GBP":
        return money(v)
    if unit == "GBP-per-week":
        return f"{money(v)} a week"
    if unit == "percent":
        return f"{v:g}%"
    if unit == "age":
        return f"up to {v:g}"
    if unit == "yes-no":
        return "Yes" if v == "yes" else "No"
    # The research sometimes records a bare count as text ("3", for 3 family visits a year): on
    # its own it says nothing, so point to the note that says what it counts.
    if str(v).replace(".", "", 1).isdigit() and getattr(claim, "conditions", None):
        return f"{v} (see the note)"
    return str(v)


def ages_text(claim) -> str:
    a, b = claim.age_from, claim.age_to
    if a is not None and b is not None:
        return f"ages {a:g} to {b:g}"
    if b is not None:
        return f"up to {b:g}"
    if a is not None:
        return f"from {a:g}"
    return "ages not stated"


def status_text(claim, district: bool = False) -> str:
    status = claim.source["status"]
    if status == "unverified":
        return "from a third party, not confirmed"
    if status == "confirmed":
        return "confirmed by the council"
    who = "the district council" if district else "the council"
    if "document" in claim.source or "cites" in claim.source:
        return f"from {who}'s own document"
    return f"from {who}'s own pages"


def date_text(claim) -> str:
    if claim.source["date"] == "undated":
        return f"undated (read {human_date(claim.source['read'])})"
    return human_date(claim.source["date"])


def provenance(claim, district: bool = False) -> str:
    """'from the council's own pages, March 2024'"""
    return f"{status_text(claim, district)}, {date_text(claim)}"


def source_link(claim, site) -> tuple[str, str]:
    """(site-relative or absolute address, link text) of an item's source."""
    src = claim.source
    if "url" in src:
        return src["url"], src.get("title", src["url"])
    if "file" in src:     # a research file, not published on the site: named, not linked
        return "", src["title"]
    if "cites" in src:
        from macros.documents.citations import label, resolve
        target = resolve(src["cites"][0], site.documents)
        return target.url, label(target, site.documents)
    doc = site.documents[src["document"]]
    return f"{doc.url}#section-{slug(src['part'])}", f"{doc.short_title}, {src['part']}"


PAGE_STATUS = {"published": "The council’s own page.", "confirmed": "Confirmed by the council.",
               "unverified": "From a third party, not the council’s own page."}


def offer_page_words(page) -> str:
    """'The council’s own page. No date on it; read on 4 December 2026. An older page: a newer one may exist.'
    Short sentences: care leavers read this on a phone."""
    when = (f"No date on it; read on {human_date(page.read)}." if page.date == "undated"
            else f"Dated {human_date(page.date)}; read on {human_date(page.read)}.")
    caveat = f" {page.caveat[:1].upper()}{page.caveat[1:]}." if page.caveat else ""
    return f"{PAGE_STATUS[page.status]} {when}{caveat}"


def offer_page_record(authority) -> dict:
    """A council's own local offer page as plain data for the pages' script (the words the static pages use)."""
    page = authority.offer_page
    return {"searched": authority.local_offer_pages is not None,
            "url": page.url if page else None, "title": page.title if page else None,
            "linkable": page.linkable if page else False,
            "words": offer_page_words(page) if page else None,
            "more": len(authority.local_offer_pages or []) - 1 if page else 0}


def by_area(offer, entitlements) -> list[tuple[str, list]]:
    """[(area name, [(entitlement, item)])] in the Act's order; areas without items left out."""
    out = []
    for area, name in AREAS.items():
        rows = [(entitlements[i.entitlement], i) for i in offer.items if entitlements[i.entitlement].area == area]
        if rows:
            out.append((name, sorted(rows, key=lambda r: r[0].name)))
    return out


def item_record(item, offer, site, today: date) -> dict:
    """One item as plain data, in the words the pages use (for JSON and exports)."""
    ent = site.entitlements[item.entitlement]
    href, title = source_link(item, site)
    return {"entitlement": ent.id, "name": item.what or ent.name, "area": ent.area_name, "set_by": ent.set_by,
            "value": value_text(item), "ages": ages_text(item), "applies_to": item.applies_to,
            "who": item.who, "conditions": item.conditions, "provenance": provenance(item, offer.district),
            "status": item.source["status"], "date": item.source["date"], "read": item.source["read"],
            "due": item.due_for_review(today), "undated": item.undated, "disagree": item.disagree,
            "source": {"href": href, "title": title, "external": "url" in item.source},
            "others": [{"value": value_text(o), "ages": ages_text(o), "provenance": provenance(o, offer.district),
                        "source": dict(zip(("href", "title"), source_link(o, site)))} for o in item.others]}


def register(env) -> None:
    env.filters["upper_first"] = lambda text: text[:1].upper() + text[1:]
    env.filters["offer_value"] = value_text
    env.filters["offer_ages"] = ages_text
    env.filters["offer_provenance"] = provenance
    env.filters["offer_page_words"] = offer_page_words
    env.globals["offer_by_area"] = by_area
    env.globals["offer_source"] = source_link
