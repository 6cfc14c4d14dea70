"""The documents are quoted faithfully: every string is in the seed, and nothing is dropped.

The seeds (sources/seeds/) are the plain-text copies the transcriptions were made from. Every
string in a document file must appear in its seed (whitespace aside), and once every string is
struck out of the seed, what is left must be layout only: numbers, bullets, markup artefacts.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.support import real_site


ROOT = Path(__file__).resolve().parents[2]
WITHHELD = "[private email address withheld]"
EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
# What the seeds hold besides the text: conversion artefacts, numbering, bullets, list letters.
LAYOUT = re.compile(r"\[bookmark: [^\]]*\]|\[image: \]|\*\*|[-·:]|\b[ab]\)|\b\d+(?:\.\d+)*\.?(?=\s|$)")

SITE = real_site()


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def strings(doc):
    out = list(doc.cover)

    def items(values):
        for item in values:
            if isinstance(item, str):
                out.append(item)
            else:
                out.append(item["text"])
                items(item["ul"])

    for section in doc.all_sections():
        if section.title:
            out.append(section.title)
        for para in section.paragraphs:
            if para.title:
                out.append(para.title)
            for block in para.blocks:
                if "p" in block:
                    out.append(block["p"])
                elif "ul" in block:
                    items(block["ul"])
                else:
                    out.extend(block["lines"])
    return out


@pytest.mark.parametrize("doc_id", sorted(SITE.documents))
def test_every_string_is_in_the_seed(doc_id):
    doc = SITE.documents[doc_id]
    seed = norm((ROOT / doc.source["file"]).read_text(encoding="utf-8"))
    for text in strings(doc):
        wanted = re.escape(norm(text)).replace(re.escape(WITHHELD), EMAIL)
        assert re.search(wanted, seed), f"{doc.file}: not word for word in the seed: {text!r}"


@pytest.mark.parametrize("doc_id", sorted(SITE.documents))
def test_nothing_in_the_seed_is_left_out(doc_id):
    doc = SITE.documents[doc_id]
    rest = norm((ROOT / doc.source["file"]).read_text(encoding="utf-8"))
    for text in sorted(strings(doc), key=len, reverse=True):
        pattern = re.escape(norm(text)).replace(re.escape(WITHHELD), EMAIL)
        rest = re.sub(pattern, " ", rest)
    left = norm(LAYOUT.sub(" ", rest))
    assert left == "", f"{doc.file}: the seed has text the transcription lacks: {left[:300]!r}"


def test_the_private_email_is_withheld_and_historic_contacts_are_marked():
    letter = SITE.documents["childrens-society-letter"]
    addressee = next(p for p in letter.all_paragraphs() if any(
        WITHHELD in line for b in p.blocks for line in b.get("lines", [])))
    assert addressee.historic
    texts = " ".join(strings(letter))
    assert "@myself.com" not in texts
    # Named officers' 2004 contacts stay in the text, marked historic
    protocol = SITE.documents["national-protocol"]
    assert protocol.index["10.2"] and next(p for p in protocol.all_paragraphs() if p.number == "10.2").historic
    lassl = SITE.documents["lassl-2004-20"]
    assert all(p.historic for p in lassl.all_paragraphs() if p.number in ("6", "7"))


def test_the_protocol_is_complete_from_1_1_to_10_2():
    numbers = [p.number for p in SITE.documents["national-protocol"].all_paragraphs() if p.number]
    expected = (["1.1", "1.2", "2.1", "3.1", "3.2", "3.3", "4.1", "4.2", "4.3",
                 "5.1", "5.2", "5.3", "5.4", "6.1", "6.2", "6.3"]
                + [f"8.{i}" for i in range(1, 14)] + ["9.1", "9.2", "9.3", "10.1", "10.2"])
    assert numbers == expected
    assert "7" in SITE.documents["national-protocol"].index      # section 7 has no numbered paragraph


def test_the_other_documents_have_their_numbered_paragraphs():
    def numbers(doc_id):
        return [p.number for p in SITE.documents[doc_id].all_paragraphs() if p.number]
    assert numbers("lassl-2004-20") == [str(i) for i in range(1, 8)]
    assert numbers("worcestershire-report") == [str(i) for i in range(1, 9)]
    lancs = numbers("lancashire-guidance")
    assert lancs[0] == "1.1" and lancs[-1] == "3.3.5" and "2.5.4" in lancs
    assert "2.6" in SITE.documents["lancashire-guidance"].index


def test_lancashire_appendix_2_is_there_once():
    lancs = SITE.documents["lancashire-guidance"]
    texts = strings(lancs)
    opening = [t for t in texts if t.startswith("We hope this finds you well.")]
    assert len(opening) == 1
