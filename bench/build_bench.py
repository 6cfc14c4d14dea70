"""Build figures (measurements, not tests): the real build, a synthetic tenfold build, a plain
Material build of as many pages of the same text, and the gzipped size of every page.

Every build runs under `nice` into a temporary folder; wall time is what a person waits, CPU
time (user + system, of the build process) is steadier on a shared machine.
"""
from __future__ import annotations

import gzip
import html
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
COPIES = 9                  # synthetic copies of every council and district: ten times the real set
PROJECT = ("docs", "data", "mkdocs.yml", "overrides", "macros")


def build(project: Path, out: Path, config: str = "mkdocs.yml") -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one strict build of `project` into `out`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    run = subprocess.run(["nice", sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                          "--config-file", config, "--site-dir", str(out)],
                         cwd=project, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if run.returncode:
        raise SystemExit(f"bench: the build of {project} failed:\n{run.stderr[-3000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def page_weights(site: Path) -> dict:
    """Every page's HTML gzipped: the largest and the median."""
    sizes = {p.relative_to(site).as_posix(): gzipped(p) for p in pages(site)}
    largest = max(sizes, key=sizes.get)
    return {"html_gzip_median_bytes": int(statistics.median(sizes.values())),
            "html_gzip_largest_bytes": sizes[largest], "html_gzip_largest_page": largest}


def synthetic_tenfold(into: Path) -> None:
    """A copy of the project with every council and district, and its local offer, ten times over.

    The copies are named "Synthetic <n> <name>" with GSS codes that do not exist (the fourth
    digit set to n), so they can never be taken for real councils. Never committed: `into` is a
    temporary folder.
    """
    for name in PROJECT:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, into / name)
    data = into / "data"

    def fake(code: str, n: int) -> str:
        return code[:3] + str(n) + code[4:]

    def slug(name: str) -> str:
        return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")

    councils = yaml.safe_load((data / "authorities.yaml").read_text(encoding="utf-8"))
    districts = yaml.safe_load((data / "districts.yaml").read_text(encoding="utf-8"))
    slugs = {a["code"]: slug(a["name"]) for a in councils["authorities"] + districts["districts"]}
    real_councils, real_districts = list(councils["authorities"]), list(districts["districts"])
    for n in range(1, COPIES + 1):
        councils["authorities"] += [{**a, "code": fake(a["code"], n), "name": f"Synthetic {n} {a['name']}",
                                     "official_name": f"Synthetic {n} {a['official_name']}"} for a in real_councils]
        districts["districts"] += [{**d, "code": fake(d["code"], n), "county": fake(d["county"], n),
                                    "name": f"Synthetic {n} {d['name']}",
                                    "official_name": f"Synthetic {n} {d['official_name']}"} for d in real_districts]
    for name, content in (("authorities.yaml", councils), ("districts.yaml", districts)):
        (data / name).write_text(yaml.safe_dump(content, sort_keys=False, allow_unicode=True, width=1000),
                                 encoding="utf-8")
    for offer in sorted((data / "offers").glob("*.yaml")):
        text = offer.read_text(encoding="utf-8")
        code = re.search(r"^council: (E\d{8})", text, re.M).group(1)
        for n in range(1, COPIES + 1):
            new = text.replace(f"council: {code}", f"council: {fake(code, n)}", 1)
            (offer.parent / f"synthetic-{n}-{slugs[code]}.yaml").write_text(new, encoding="utf-8")


def plain_material(site: Path, into: Path) -> int:
    """A plain Material project (no hooks, macros or overrides) with one Markdown page per page
    of `site`, holding that page's text. Returns the number of pages."""
    docs = into / "docs"
    count = 0
    for n, page in enumerate(pages(site)):
        text = page.read_text(encoding="utf-8", errors="replace")
        article = re.search(r"<article\b.*?</article>", text, re.S)
        body = re.sub(r"<(script|style)\b.*?</\1>", " ", article.group(0) if article else text, flags=re.S)
        paragraphs = [html.unescape(re.sub(r"<[^>]+>", " ", block)) for block in re.split(r"</(?:p|li|h\d|dd|td)>", body)]
        lines = [" ".join(p.split()) for p in paragraphs]
        target = docs / f"p{n:05d}.md" if n else docs / "index.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("# Page\n\n" + "\n\n".join(l.replace("#", "") for l in lines if l) + "\n", encoding="utf-8")
        count += 1
    (into / "mkdocs.yml").write_text("site_name: Plain Material\ntheme:\n  name: material\n", encoding="utf-8")
    return count


def measure(runs: int = 2) -> dict:
    out: dict = {}
    with tempfile.TemporaryDirectory(prefix="atlas-bench-") as tmp:
        tmp = Path(tmp)
        real = [build(ROOT, tmp / f"real-{i}") for i in range(runs)]
        site = tmp / "real-0"
        n_real = len(pages(site))
        wall, cpu = statistics.median(r[0] for r in real), statistics.median(r[1] for r in real)
        out.update({"pages": n_real, "build_wall_s": round(wall, 1), "build_cpu_s": round(cpu, 1),
                    "build_cpu_ms_per_page": round(1000 * cpu / n_real, 1)})
        out.update(page_weights(site))

        (tmp / "ten").mkdir()
        synthetic_tenfold(tmp / "ten")
        wall10, cpu10 = build(tmp / "ten", tmp / "ten-site")
        n_ten = len(pages(tmp / "ten-site"))
        out.update({"tenfold_pages": n_ten, "tenfold_build_wall_s": round(wall10, 1),
                    "tenfold_build_cpu_s": round(cpu10, 1),
                    "tenfold_build_cpu_ms_per_page": round(1000 * cpu10 / n_ten, 1),
                    # 1.0 is linear: time per page the same at ten times the pages
                    "tenfold_per_page_ratio": round((cpu10 / n_ten) / (cpu / n_real), 2)})

        (tmp / "plain").mkdir()
        n_plain = plain_material(site, tmp / "plain")
        wall_p, cpu_p = build(tmp / "plain", tmp / "plain-site")
        out.update({"plain_material_pages": n_plain, "plain_material_build_cpu_s": round(cpu_p, 1),
                    "vs_plain_material_cpu_ratio": round(cpu / cpu_p, 2)})
        keep = os.environ.get("BENCH_KEEP_SITE")
        if keep:                                  # for a look at what was measured
            shutil.copytree(site, keep, dirs_exist_ok=True)
    return out


if __name__ == "__main__":
    import json
    print(json.dumps(measure(), indent=2))
