"""MkDocs adapter (hooks): load data once, add the generated pages, harden the output.

Thin on purpose: every decision lives in the core modules beside this file.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:          # MkDocs loads hooks by file path, not as a package
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import Abort  # noqa: E402
from mkdocs.structure.files import File, InclusionLevel  # noqa: E402

from macros.assets import versions  # noqa: E402
from macros.core import corrections, csp
from macros.core import html_fixes  # noqa: E402
from macros.core.problems import DataError  # noqa: E402
from macros.search import marks as search_marks  # noqa: E402
from macros.core.state import current_outputs, load_for_build  # noqa: E402


# `mkdocs serve` injects an inline live-reload script whose text changes on every build, so it
# cannot be allowed by hash: the Content-Security-Policy is added to built sites only.
_serving = False


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_config(config):
    channel, problem = corrections.channel_from_setting(config.extra.get("corrections"))
    publisher, publisher_problem = corrections.publisher_from_setting(config.extra.get("publisher"))
    if problem or publisher_problem:
        raise Abort(f"mkdocs.yml: {problem or publisher_problem}")
    try:
        load_for_build(Path(config.config_file_path).parent, channel, publisher)
    except DataError as err:
        # Before MkDocs cleans site/: a failed build leaves nothing half-built behind.
        raise Abort(err.report()) from None
    # Said on stderr, not through MkDocs' log: --strict would turn a logged warning into a failure.
    for advice in corrections.setting_advice(channel, publisher):
        print(f"Warning: {advice}.", file=sys.stderr)
    return config


def on_files(files, config):
    pages, generated = current_outputs()
    for src_uri, (content, in_nav) in pages.items():
        existing = files.get_file_from_path(src_uri)
        if existing is not None:
            files.remove(existing)
        inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, src_uri, content=content, inclusion=inclusion))
    for src_uri, content in generated.items():
        files.append(File.generated(config, src_uri, content=content))
    # Our scripts and stylesheets, served minified, each file they name with its hash (macros/assets/versions.py).
    for src_uri, content in versions.own_assets(Path(config.docs_dir)).items():
        files.remove(files.get_file_from_path(src_uri))
        files.append(File.generated(config, src_uri, content=content))
    return files


def on_post_page(output, page, config):
    excluded = bool((page.meta.get("search") or {}).get("exclude"))
    output = html_fixes.valid_toggles(html_fixes.add_skip_link(output))
    output = search_marks.mark(output, page.url, excluded)
    output = versions.version(output, Path(config.docs_dir) / "assets")
    return output if _serving else csp.add_policy(output)


def on_post_template(output_content, template_name, config):
    # Theme pages that are not Markdown pages (404.html) get the same policy.
    if not template_name.endswith(".html"):
        return output_content
    output_content = versions.version(html_fixes.valid_toggles(output_content), Path(config.docs_dir) / "assets")
    return output_content if _serving else csp.add_policy(output_content)
