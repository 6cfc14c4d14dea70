# Leaving Care Atlas — two commands: `make serve` and `make test`.
# Everything a fresh machine needs is installed from here (see README).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium
# The browser tests drive Debian's headless shell: Chromium's engine without its windowing, about
# 40% less processor than /usr/bin/chromium for the same tests (docs-dev/test-speed.md).
HEADLESS_SHELL ?= /usr/bin/chromium-headless-shell
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help install chromium headless-shell java vnu build serve test test-fast test-unit test-build test-browser bench lighthouse clean review review-contacts review-offers check

help:
	@echo "make serve   set up, build and serve the site on http://$(HOST):$(PORT)"
	@echo "make test    set up and run every test (unit, build, browser), in parallel"
	@echo "make test-fast  unit and build tests, no browser: the edit loop"
	@echo "make build   build the site into site/"
	@echo "make bench   one table of measurements: builds, page weights, first visits, 4x CPU timings, the Friday case (bench/)"
	@echo "make lighthouse  Lighthouse (mobile) on six pages served gzipped: bench/results/lighthouse.json"
	@echo "make review  list what is due for review, by council: contact lines, local offer pages and offer items older than 12 months or undated"
	@echo "make check   after editing data: validate, strict build, check every link and anchor"

# uv (Astral's installer, pinned) installs the same pinned requirements in about a third of pip's
# time on a fresh machine (docs-dev/test-speed.md); pip does it if uv cannot be installed.
UV_VERSION := 0.13.9
PIP := $(BIN)/pip install --quiet --disable-pip-version-check
$(STAMP): requirements.txt requirements-test.txt
	$(PYTHON) -m venv $(VENV)
	( $(PIP) uv==$(UV_VERSION) && $(BIN)/uv pip install --quiet --python $(BIN)/python \
	    -r requirements.txt -r requirements-test.txt ) \
	  || $(PIP) -r requirements.txt -r requirements-test.txt
	touch $(STAMP)

install: $(STAMP)

# Debian's Chromium (Playwright cannot download browsers here): the headless shell for the browser
# tests, the full browser for Lighthouse and the bench's timings (they measure what people get).
chromium:
	@$(MAKE) --no-print-directory debian-package EXE=$(CHROMIUM) PACKAGE=chromium

# If it cannot be installed, the tests fall back to the full browser (tests/browser/conftest.py).
headless-shell:
	@$(MAKE) --no-print-directory debian-package EXE=$(HEADLESS_SHELL) PACKAGE=chromium-headless-shell \
	  || $(MAKE) --no-print-directory debian-package EXE=$(CHROMIUM) PACKAGE=chromium

debian-package:
	@if [ ! -x "$(EXE)" ]; then \
	  echo "Installing Debian's $(PACKAGE) for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(PACKAGE) >/dev/null; \
	fi

# The Nu HTML Checker for tests/build/test_valid_html.py: vnu.jar pinned in tests/vnu/package-lock.json
# (node_modules is not committed), run with Debian's Java. --ignore-scripts: vnu-jar's install script
# would download a Java of its own; ours comes from apt (docs-dev/valid-html.md).
java:
	@if ! command -v java >/dev/null 2>&1; then \
	  echo "Installing Debian's Java for the HTML checker"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq default-jre-headless >/dev/null; \
	fi

VNU := tests/vnu
$(VNU)/node_modules/.installed: $(VNU)/package.json $(VNU)/package-lock.json
	cd $(VNU) && npm ci --ignore-scripts --no-audit --no-fund --silent
	touch $@

vnu: java $(VNU)/node_modules/.installed

# The test targets below need it too (added here, so those targets' own lines stay as they are).
test test-fast test-build: vnu

# Build into a temporary folder and swap it in only when the build succeeded:
# a failed build never leaves a half-built site/ behind. After MkDocs: the search index, then only
# the theme CSS our pages can use (docs-dev/page-weight.md, "Theme CSS"; `make serve` serves the theme's whole CSS).
build: $(STAMP)
	rm -rf site.tmp
	$(BIN)/mkdocs build --strict --site-dir site.tmp
	$(BIN)/python -m macros.search.index site.tmp
	$(BIN)/python -m macros.assets.purge_css site.tmp
	$(BIN)/python tools/swap_site.py site.tmp site

serve: $(STAMP)
	$(BIN)/mkdocs serve --strict --dev-addr $(HOST):$(PORT)

# pytest-xdist: one worker per core (WORKERS=1 for one process). The site is built once per run
# and shared by the workers (tests/conftest.py); each worker has its own browser and server port.
WORKERS ?= auto
# --dist loadgroup: a module whose tests share one costly build (marked xdist_group) stays on one
# worker, so that build is made once per run; every other test goes to whichever worker is free.
PYTEST := $(BIN)/python -m pytest -n $(WORKERS) --dist loadgroup

# The run's JUnit report (test-results/, not committed): `python bench/test_speed.py --record`
# keeps its figures, per test file, in bench/results/test-speed.json.
test: $(STAMP) headless-shell
	$(PYTEST) --durations=15 --junitxml=test-results/junit.xml

test-fast: $(STAMP)
	$(PYTEST) tests/unit tests/build

test-unit: $(STAMP)
	$(PYTEST) tests/unit

test-build: $(STAMP)
	$(PYTEST) tests/build

test-browser: $(STAMP) headless-shell
	$(PYTEST) tests/browser

# What is due for review, council by council; review-contacts and review-offers list one kind each.
review: $(STAMP)
	@$(BIN)/python tools/review.py councils

review-contacts: $(STAMP)
	@$(BIN)/python tools/review.py contacts

review-offers: $(STAMP)
	@$(BIN)/python tools/review.py offers
# For people editing data/: the data checks and a strict build (into a temporary folder, so
# site/ is left alone), then every internal link and #anchor of the result (tools/check_links.py).
check: $(STAMP)
	@start=$$(date +%s%N); tmp=$$(mktemp -d); failed=""; \
	echo "1/2 Data checks and strict build ..."; \
	$(BIN)/mkdocs build --strict --quiet --site-dir "$$tmp/site" || failed="data or build (see above)"; \
	if [ -z "$$failed" ]; then \
	  echo "2/2 Links and anchors ..."; \
	  $(BIN)/python tools/check_links.py "$$tmp/site" --docs docs --label site || failed="links (see above)"; \
	fi; \
	rm -rf "$$tmp"; \
	ms=$$(( ($$(date +%s%N) - start) / 1000000 )); took=$$(printf '%d.%01d s' $$((ms / 1000)) $$((ms % 1000 / 100))); \
	if [ -n "$$failed" ]; then echo "make check: FAILED: $$failed, in $$took"; exit 1; fi; \
	echo "make check: OK: data, strict build, links and anchors, in $$took"

bench: build chromium
	nice $(BIN)/python bench/measure.py

# Lighthouse, pinned in bench/lighthouse/package-lock.json (node_modules is not committed).
# A measurement, not a test: not part of `make test`. Pages run one at a time, under nice.
LH := bench/lighthouse
$(LH)/node_modules/.installed: $(LH)/package.json $(LH)/package-lock.json
	cd $(LH) && npm ci --no-audit --no-fund --silent
	touch $@

lighthouse: build chromium $(LH)/node_modules/.installed
	CHROME_PATH=$(CHROMIUM) $(BIN)/python $(LH)/run.py site

clean:
	rm -rf site site.tmp site.old $(VENV) .pytest_cache
