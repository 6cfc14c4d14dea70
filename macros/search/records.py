"""Search records made from the data model, not from the built pages: one per numbered paragraph
of the documents (and one per section for the text a document does not number), and one per
council with what the directory and the local offers hold for it.

A long page is one poor result: "8.11" or "emergency financial assistance" should land on the
paragraph, and "Kent allowance" on Kent's page with the value in its snippet. Pagefind shows a
record's own text as the snippet, so each record is short and says the thing itself.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from macros.directory.contact_lines import KIND_LABELS
from macros.documents.document import document_url
from macros.offers.display import ages_text, value_text

# Words people type for a kind of line, beside the label the page shows (ours, for search only);
# a line with a number says "phone number" before it.
LINE_WORDS = {
    "leaving-care-team": "contact",
    "emergency-duty-out-of-hours": "out of hours, evenings and weekends, emergency contact",
    "children-services-front-door": "contact",
    "council-switchboard": "contact",
}
STATUS_SHORT = {"confirmed": "confirmed by the council", "published": "from the council's own page",
                "unverified": "unverified: check it before relying on it"}
HISTORIC = ("Historic contact details, kept only as the document recorded them: not current contacts. "
            "Open the paragraph to read them with that warning.")


@dataclass(frozen=True)
class Record:
    url: str                  # from the site's root, with a leading slash, anchor included
    title: str
    content: str
    kind: str                 # the same kinds as marks.kind_of_page
    filters: dict = field(default_factory=dict)   # extra filters: para number, council name
    topics: tuple = ()        # a paragraph's topic labels (ours): the script ranks by them

    def as_pagefind(self) -> dict:
        filters = {"kind": [self.kind], **{k: [v] for k, v in self.filters.items()}}
        if self.topics:       # a filter, not meta: ranked by them before any fragment is fetched
            filters["topic"] = [t.lower() for t in self.topics]
        return {"url": self.url, "content": self.content, "language": "en", "meta": {"title": self.title},
                "filters": filters}


def _block_text(block) -> str:
    if "p" in block:
        return block["p"]
    if "ul" in block:
        return " ".join(_item_text(i) for i in block["ul"])
    return " ".join(block["lines"])


def _item_text(item) -> str:
    if isinstance(item, str):
        return item
    return " ".join([item["text"]] + [_item_text(i) for i in item.get("ul", [])])


def _para_text(p) -> str:
    if p.historic:           # a person's old details must never read as a current contact
        return HISTORIC
    text = " ".join(_block_text(b) for b in p.blocks)
    if p.topics:
        text += " Topics (our labels): " + ", ".join(p.topics) + "."
    return text


def _heading(section) -> str:
    return section.title or ""


def document_records(doc) -> list[Record]:
    """Every numbered paragraph once, at its anchor; each section's heading, our summary and the
    text the document leaves unnumbered once, at the section's anchor."""
    out: list[Record] = []
    url = "/" + document_url(doc.id)

    def walk(section, headings):
        heading = _heading(section)
        here = headings + ([heading] if heading else [])
        near = here[-1] if here else doc.short_title
        loose = [p for p in section.paragraphs if not p.number]
        parts = [heading] if heading else []
        if section.summary:
            parts.append("In plain English (our summary): " + section.summary["text"])
        if section.lost:
            parts.append("Not available. " + section.lost)
        parts += [(p.title + ". " if p.title else "") + _para_text(p) for p in loose]
        if parts:
            out.append(Record(f"{url}#{section.anchor}", f"{near} ({doc.short_title})", " ".join(parts), "document"))
        for p in section.paragraphs:
            if p.number:
                title = f"{p.number} {p.title}" if p.title else f"{p.number} {near}"
                # its number first, as the document prints it: "8.11" typed alone finds it by its
                # words (one index chunk), not by the filter alone (which fetches every chunk)
                out.append(Record(f"{url}#{p.anchor}", f"{title} ({doc.short_title})",
                                  f"{p.number} " + (p.title + ". " if p.title else "") + _para_text(p), "document",
                                  {"para": p.number}, tuple(p.topics)))
        for sub in section.sections:
            walk(sub, here)

    for section in doc.sections:
        walk(section, [])
    return out


def _line_text(line) -> str:
    label = line.team or KIND_LABELS[line.kind]
    parts = [f"{label} ({line.kind_words}; {LINE_WORDS[line.kind]})"]
    if line.phones:
        parts.append("phone number " + ", ".join(p.shown for p in line.phones))
    elif line.incomplete:
        parts.append("the number its source prints is incomplete: open the page")
    if line.email:
        parts.append("email " + line.email)
    if line.hours:
        parts.append(line.hours)
    return ": ".join(parts[:2]) + ("; " + "; ".join(parts[2:]) if len(parts) > 2 else "") + \
        f" ({STATUS_SHORT[line.status]})."


def _offer_text(offer, entitlements, where: str = "") -> list[str]:
    out = []
    for item in sorted(offer.items, key=lambda i: entitlements[i.entitlement].name):
        name = item.what or entitlements[item.entitlement].name
        out.append(f"{where}{name}: {value_text(item)}, {ages_text(item)}.")
    return out


def council_record(authority, site) -> Record:
    """A council's page as search sees it: its names, its lines with their numbers, its offer."""
    a = authority
    parts = []
    entry = a.entry
    if entry and entry.lines:
        parts.append("Leaving care contact.")
        parts += [_line_text(line) for line in entry.lines]
    else:
        # The name is said once, last: the snippet then opens on what matched, not on the name.
        parts.append(f"Leaving care contact, phone number: no public line found yet; "
                     f"contact the council through its website ({a.website}).")
    offer = site.offers.get(a.code)
    if offer and offer.items:
        parts.append("Local offer: the money, grants and allowances we know of.")
        parts += _offer_text(offer, site.entitlements)
    else:
        parts.append("Local offer: not on this site yet.")
    for d in sorted(a.districts, key=lambda d: d.name):
        doffer = site.offers.get(d.code)
        if doffer and doffer.items:
            parts += _offer_text(doffer, site.entitlements, f"{d.name} (district): ")
    parts.append(f"{a.official_name}: {a.type_name.lower()} in {a.region}.")
    if a.districts:
        parts.append("Districts: " + ", ".join(sorted(d.name for d in a.districts)) + ".")
    return Record(f"/authorities/{a.slug}/", a.name, " ".join(parts), "council", {"council": a.name})


def all_records(site) -> list[Record]:
    records = [r for doc in site.documents.values() for r in document_records(doc)]
    records += [council_record(a, site) for a in site.authorities.values()]
    return records
