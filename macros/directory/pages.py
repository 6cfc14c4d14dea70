"""Pages of the directory: every council, the planner, coverage, open data; and the open data files.

Each council's lines for the planner are in its card (macros/directory/cards.py)."""
from __future__ import annotations

from itertools import groupby

from markupsafe import Markup

from macros.core.addresses import Addresses
from macros.directory import coverage, exports
from macros.documents.document import slug
from macros.core.render import page_source, render
from macros.trees.pages import holidays_json

REGIONS = ["North East", "North West", "Yorkshire and The Humber", "East Midlands", "West Midlands",
           "East of England", "London", "South East", "South West"]


def best_kinds(authorities) -> dict[str, list]:
    """Councils by the best line we found: a leaving care team line, only another line, nothing."""
    out = {"team": [], "other": [], "none": []}
    for a in authorities:
        out[(a.entry.best_kind if a.entry else None) or "none"].append(a)
    return out


def coverage_rows(site):
    """Per region: the six headline facts and freshness (macros/directory/coverage.py), and the best line found."""
    rows, totals = coverage.by_region(site, REGIONS)
    for row in rows:
        best = best_kinds([a for a in site.authorities.values() if a.region == row["region"]])
        row.update({kind: len(best[kind]) for kind in ("team", "other", "none")})
    totals.update({kind: sum(r[kind] for r in rows) for kind in ("team", "other", "none")})
    return rows, totals


def coverage_chart(totals) -> Markup:
    """Horizontal bars: each headline fact, with the share of England's councils that have it filled."""
    bar_h, gap, label_w, bar_w = 22, 10, 200, 340
    height = len(coverage.HEADLINE) * (bar_h + gap) + 10
    parts = [Markup('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="100%" role="img" '
                    'aria-labelledby="chart-title" class="coverage-svg"><title id="chart-title">How many of '
                    'England’s {} councils have each headline fact on this site: see the tables below for '
                    'the figures</title>').format(label_w + bar_w + 110, height, totals["total"])]
    for i, (key, label) in enumerate(coverage.HEADLINE.items()):
        y = 5 + i * (bar_h + gap)
        done_w = bar_w * totals[key] / totals["total"]
        parts.append(Markup('<text x="{}" y="{}" class="label" text-anchor="end">{}</text>').format(
            label_w - 8, y + bar_h - 6, label))
        parts.append(Markup('<rect x="{}" y="{}" width="{}" height="{}" class="total"/>').format(label_w, y, bar_w, bar_h))
        parts.append(Markup('<rect x="{}" y="{}" width="{:.1f}" height="{}" class="done"/>').format(label_w, y, done_w, bar_h))
        parts.append(Markup('<text x="{}" y="{}" class="figure">{} of {}</text>').format(
            label_w + bar_w + 6, y + bar_h - 6, totals[key], totals["total"]))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


def directory_pages(site) -> dict[str, tuple[str, bool]]:
    pages = Addresses()
    authorities = sorted(site.authorities.values(), key=lambda a: a.name)
    registered = [a for a in authorities if a.entry]
    lines = [line for a in registered for line in a.entry.lines]
    best = best_kinds(authorities)
    by_region = [(region, [a for a in authorities if a.region == region]) for region in REGIONS]
    by_letter = [(letter, list(group)) for letter, group in groupby(authorities, key=lambda a: a.name[0].upper())]
    pages["authorities/index.md"] = (page_source(
        "Leaving care contacts for every council",
        render("authorities.html", site, "authorities/", authorities=authorities, registered=registered,
               best=best, all_lines=len(lines), due_lines=sum(1 for line in lines if line.due_for_review(site.today)),
               by_region=by_region, by_letter=by_letter, today=site.today),
        description="The leaving care contact for each of the 153 councils in England that look after children."), True)
    gaps = [(region, [a for a in best["other"] + best["none"] if a.region == region]) for region in REGIONS]
    pages["authorities/no-leaving-care-line.md"] = (page_source(
        "Councils with no leaving care line yet",
        render("no_leaving_care_line.html", site, "authorities/no-leaving-care-line/", gaps=gaps, best=best,
               total=len(authorities), today=site.today),
        description="The councils for which we found no leaving care team line yet, by region."), False)
    for a in authorities:
        pages.add(f"authorities/{a.slug}.md", (page_source(
            f"{a.name}: leaving care contact", render("authority.html", site, a.url, a=a, today=site.today),
            description=f"Leaving care contact, districts and local offer for {a.official_name}."), False), a.place)
    districts = sorted(({"slug": slug(d.name), "name": d.name, "county_name": site.authorities[d.county].name}
                        for d in site.districts.values()), key=lambda d: d["name"])
    pages["moving.md"] = (page_source(
        "Moving between councils",
        render("moving.html", site, "moving/", authorities=authorities, districts=districts,
               holidays=holidays_json(site.today)),
        description="Both councils' leaving care contacts side by side, with the steps, deadlines and who pays."), True)
    rows, totals = coverage_rows(site)
    pages["coverage.md"] = (page_source(
        "Coverage", render("coverage.html", site, "coverage/", rows=rows, totals=totals, today=site.today.isoformat(),
                           headline=coverage.HEADLINE, freshness=coverage.FRESHNESS, chart=coverage_chart(totals))), True)
    pages["data/index.md"] = (page_source(
        "Open data", render("open_data.html", site, "data/", counts={
            "authorities": len(authorities), "districts": len(site.districts), "registered": len(registered),
            "lines": len(lines), "with_lines": sum(1 for a in registered if a.entry.lines)})), True)
    return pages


def data_files(site) -> dict[str, str]:
    files = Addresses()
    files.update({"data/authorities.csv": exports.authorities_csv(site),
             "data/districts.csv": exports.districts_csv(site),
             "data/directory.csv": exports.directory_csv(site),
             "data/directory.json": exports.directory_json(site),
             "data/monitoring-template.csv": exports.monitoring_template()})
    for a in site.authorities.values():
        if a.entry and a.entry.lines:
            files.add(f"data/vcards/{a.slug}.vcf", exports.vcard(a, site), a.place)
    return files
