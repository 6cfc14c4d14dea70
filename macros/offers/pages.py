"""Pages and files for local offers: the landing page, "what applies to me" (a chooser and a
static page per council or district), compare, a page per entitlement, how to send a correction,
and the data: a small JSON file per place (loaded only when chosen) and the open-data exports."""
from __future__ import annotations

import calendar
from datetime import date

from macros.core.safe_out import csv_text, json_text
from macros.core.addresses import Addresses
from macros.core.render import page_source, render
from macros.offers import applies, display
from macros.offers.chart import spread_chart



def place_record(site, place) -> dict:
    """One place's JSON, in the words the static pages use."""
    def rows(triples):
        out = []
        for row in triples:
            ent, item, note = row[:3]
            offer = site.offers[item.place]
            rec = display.item_record(item, offer, site, site.today)
            rec.update(note=note, by=row[3] if len(row) > 3 else offer.name)
            out.append(rec)
        return out

    council = place.council
    here = applies.here(site, place)
    return {"key": place.key, "name": place.name, "official_name": place.official_name, "website": place.website,
            "district": place.district, "council": {"key": council.slug, "name": council.name,
                                                     "website": council.website, "type": council.type,
                                                     "offer_page": display.offer_page_record(council)},
            "page": f"local-offers/mine/{place.key}/",
            "has_offer": place.code in site.offers,
            "travels": None if place.district else rows(applies.travels(site, council)),
            "stays": [] if place.district else applies.stays(site, council),
            "council_has_offer": council.code in site.offers,
            "here": {"billing": here["billing"].name if here["billing"] else None,
                     "billing_website": here["billing"].website if here["billing"] else None,
                     "rows": rows(here["rows"]), "unknown": here["unknown"]}}


def compared(ent) -> bool:
    """Whether councils' values are drawn against the national floor: not for an `up-to` amount, nor
    where the floor says they are not the same kind of payment (a top-up on the national bursary,
    per year against a total: accuracy review 2026-12, M4)."""
    return bool(ent.floor and ent.floor["strength"] != "up-to" and ent.floor.get("compare", True))


def _ends_before(stated: str, start: str) -> bool:
    """True when the whole period a source's date names ('2019', '2019-01', '2019-01-15') is before `start`."""
    if stated == "undated":
        return False
    parts = [int(x) for x in stated.split("-")]
    if len(parts) == 1:
        end = date(parts[0], 12, 31)
    elif len(parts) == 2:
        end = date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    else:
        end = date(*parts)
    return end < date.fromisoformat(start)


def by_entitlement(site, ent) -> list[dict]:
    """Every council's (and district's) value for one entitlement, for its page.

    An item below the floor whose source is dated before the floor started is marked older than
    the current minimum, not below it (accuracy review 2026-12, L10)."""
    rows = []
    for offer in sorted(site.offers.values(), key=lambda o: o.name):
        for item in offer.items:
            if item.entitlement == ent.id:
                number = item.value if item.unit in ("GBP", "GBP-per-week", "percent", "age") else None
                under = bool(compared(ent) and item.unit == ent.kind and number is not None
                             and number < ent.floor["value"])
                older = under and "from" in ent.floor and _ends_before(item.date, ent.floor["from"])
                rows.append({"offer": offer, "item": item, "number": number,
                             "below_floor": under and not older, "older_than_floor": older,
                             "page": site.authorities[offer.code].url if offer.code in site.authorities
                             else site.authorities[offer.county].url})
    return rows


def offer_pages(site) -> dict[str, tuple[str, bool]]:
    if not site.entitlements:
        return {}
    pages = Addresses()
    all_places = applies.places(site)
    councils = [p for p in all_places.values() if not p.district]
    districts = [p for p in all_places.values() if p.district]
    counts = {"councils": sum(1 for c in site.offers if c in site.authorities),
              "districts": sum(1 for c in site.offers if c in site.districts),
              "items": sum(len(o.items) for o in site.offers.values())}
    floor = applies.floor(site)
    entitlements = sorted(site.entitlements.values(), key=lambda e: e.name)
    pages["local-offers/index.md"] = (page_source(
        "Local offers for care leavers",
        render("local_offers.html", site, "local-offers/", counts=counts, floor=floor, entitlements=entitlements,
               councils=councils, changes=site.national_facts),
        description="What each council in England offers its care leavers, with sources and dates."), True)
    pages["local-offers/mine.md"] = (page_source(
        "What applies to me",
        render("local_offers_mine.html", site, "local-offers/mine/", councils=councils, districts=districts,
               floor=floor, changes=site.national_facts),
        description="Choose the council that looked after you and where you live now."), True)
    for place in all_places.values():
        url = f"local-offers/mine/{place.key}/"
        pages.add(f"{url}index.md", (page_source(
            f"{place.name}: what applies to care leavers",
            render("local_offers_place.html", site, url, place=place, today=site.today,
                   travels=None if place.district else applies.travels(site, place.council),
                   stays=[] if place.district else applies.stays(site, place.council),
                   here=applies.here(site, place)), search=False), False), place.where)
    pages["local-offers/compare.md"] = (page_source(
        "Compare local offers",
        render("local_offers_compare.html", site, "local-offers/compare/", councils=councils,
               entitlements=entitlements, today=site.today),
        description="Two to four councils' local offers side by side."), True)
    for ent in entitlements:
        rows = by_entitlement(site, ent)
        numeric = [r for r in rows if r["item"].unit == ent.kind and r["number"] is not None]
        chart = spread_chart(ent, numeric) if numeric and ent.kind in ("GBP", "GBP-per-week", "percent", "age") else None
        known = {r["offer"].code if not r["offer"].district else r["offer"].county for r in rows}
        pages.add(f"local-offers/{ent.id}.md", (page_source(
            f"{ent.name}: every council",
            render("entitlement.html", site, ent.url, ent=ent, rows=rows, chart=chart, today=site.today,
                   floor_text=display.money(ent.floor["value"]) if ent.floor and ent.kind == "GBP"
                   else (f"{ent.floor['value']:g}" if ent.floor else ""),
                   unknown=len(site.authorities) - len(known & set(site.authorities)),
                   below=sum(1 for r in rows if r["below_floor"]),
                   older=sum(1 for r in rows if r["older_than_floor"]), compared=compared(ent)),
            description=f"{ent.name}: every council's value in one table, with sources."), False), ent.place)
    pages["local-offers/send-a-correction.md"] = (page_source(
        "Send a correction to your council's local offer",
        render("offer_corrections.html", site, "local-offers/send-a-correction/", entitlements=entitlements)),
        True)
    pages["local-offers/offer-format.md"] = (page_source(
        "The local offer file format, for maintainers",
        render("offer_format.html", site, "local-offers/offer-format/", entitlements=entitlements, example=EXAMPLE),
        description="The fields of a local offer item in data/offers/, an example, and what every build checks."),
        False)
    return pages


EXAMPLE = """\
council: E10000017
items:
  - entitlement: setting-up-home-allowance
    value: 3000
    unit: GBP
    age_to: 25
    applies_to: own care leavers wherever they live
    source:
      url: https://www.example.gov.uk/care-leavers/money
      title: Our local offer: money
      date: "2026-04"
      read: "2026-11-22"
      status: published
"""


_csv = csv_text      # every cell neutralised on the way out (macros/core/safe_out.py)


def district_cell(site, county, ent) -> str:
    """'decided by each district council: Adur: Yes, ages 18 to 25; Arun: not known; …'"""
    parts = []
    for d in sorted(county.districts, key=lambda d: d.name):
        items = [i for i in site.offers[d.code].items if i.entitlement == ent.id] if d.code in site.offers else []
        parts.append(f"{d.name}: " + ("; ".join(f"{display.value_text(i)}, {display.ages_text(i)}" for i in items)
                                      or "not known"))
    return "decided by each district council: " + " | ".join(parts)


def offer_records(site) -> list[dict]:
    out = []
    for offer in sorted(site.offers.values(), key=lambda o: o.name):
        for item in offer.items:
            rec = display.item_record(item, offer, site, site.today)
            rec.update(gss_code=offer.code, place=offer.name, district=offer.district,
                       county_gss_code=offer.county, raw_value=item.value, unit=item.unit,
                       age_from=item.age_from, age_to=item.age_to)
            out.append(rec)
    return out


def offer_files(site) -> dict[str, str]:
    if not site.entitlements:
        return {}
    files = Addresses()
    # A key made twice is reported once, by the council cards (macros/directory/cards.py).
    for place in applies.places(site).values():
        files.add(f"data/offers/{place.key}.json", json_text(place_record(site, place), ensure_ascii=False,
                                                              separators=(",", ":")), place.where)
    records = offer_records(site)
    files["data/offers.json"] = json_text({"generated": site.today.isoformat(), "items": records},
                                           ensure_ascii=False, indent=1) + "\n"
    header = ["gss_code", "place", "district", "county_gss_code", "entitlement", "name", "area", "value", "unit",
              "shown_as", "age_from", "age_to", "applies_to", "who", "conditions", "status", "source_date",
              "read", "due_for_review", "sources_disagree", "other_sources", "source"]
    rows = [[r["gss_code"], r["place"], "yes" if r["district"] else "no", r["county_gss_code"] or "", r["entitlement"],
             r["name"], r["area"], r["raw_value"], r["unit"], r["value"],
             "" if r["age_from"] is None else f"{r['age_from']:g}", "" if r["age_to"] is None else f"{r['age_to']:g}",
             r["applies_to"], r["who"] or "", r["conditions"] or "", r["status"], r["date"], r["read"],
             "yes" if r["due"] else "no", "yes" if r["disagree"] else "no",
             "; ".join(f"{o['value']} ({o['provenance']})" for o in r["others"]), r["source"]["href"]]
            for r in records]
    # A row for every council and entitlement: what is not known is said, not left out. A county does
    # not decide council tax or leisure: its districts do, and the row names them with what is held.
    for a in sorted(site.authorities.values(), key=lambda a: a.name):
        held = {i.entitlement for i in site.offers[a.code].items} if a.code in site.offers else set()
        for e in site.entitlements.values():
            if e.set_by != "national" and e.id != "other" and e.id not in held:
                if e.set_by == "billing" and a.type == "CTY":
                    shown, status, source = district_cell(site, a, e), "decided by the district councils", ""
                elif a.offer_page:
                    shown, status, source = ("not on this site: see the council's local offer", "not known",
                                             a.offer_page.url)
                else:
                    shown, status, source = "not known", "not known", ""
                rows.append([a.code, a.name, "no", "", e.id, e.name, e.area_name, "", "", shown, "", "",
                             "", "", "", status, "", "", "", "", "", source])
    files["data/offers.csv"] = _csv(header, rows)
    files["data/entitlements.json"] = json_text({"entitlements": [
        {"id": e.id, "name": e.name, "description": e.description, "area": e.area, "area_name": e.area_name,
         "kinds": e.kinds, "set_by": e.set_by, "floor": e.floor, "national_note": e.national_note}
        for e in site.entitlements.values()]}, ensure_ascii=False, indent=1) + "\n"
    return files
