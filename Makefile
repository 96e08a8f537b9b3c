# Every command an editor or developer needs. `make serve` and `make test` do all set-up themselves.
PYTHON ?= python3
# apt-get needs root: use sudo when not already root.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
VENV := .venv
BIN := $(VENV)/bin
# Material for MkDocs prints a notice about MkDocs 2 on every run; it is not about this site.
export NO_MKDOCS_2_WARNING := 1
# Which partnership's edition every command works on: its local file is content/local/$(EDITION).yml, as in
# `make build EDITION=name`. Left out, the edition is the only local file in content/local/.
ifdef EDITION
export GUIDE_EDITION := $(EDITION)
endif

.PHONY: serve build offline publish sign-off test browser bench content-report schema links scorm check-external-links preview clean

# The virtual environment is remade whenever a requirements file changes.
$(BIN)/.installed-build: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(BIN)/.installed-test: requirements.txt requirements-test.txt $(BIN)/.installed-build
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

## serve: build the site, then serve it at http://127.0.0.1:8000, rebuilding when anything changes.
serve: build
	GUIDE_LIVE_PREVIEW=1 $(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

## build: build the site into site/. A failed build leaves the previous site/ as it was.
build: $(BIN)/.installed-build
	rm -rf .site-building
	$(BIN)/mkdocs build --strict --site-dir .site-building || { rm -rf .site-building; exit 1; }
	rm -rf site && mv .site-building site

# The offline copy's zip: the whole site, opened from the file system with no server and no network.
OFFLINE_ZIP := dist/information-sharing-guide.zip

## offline: build the offline copy into dist/information-sharing-guide.zip (unzip it, open index.html). A failed build leaves no zip.
offline: $(BIN)/.installed-build node_modules/.installed
	$(BIN)/python -m macros.offline $(OFFLINE_ZIP)

## publish: what goes on the web. First checks that everything is ready and signed off (python -m macros.release
## lists every reason at once and builds nothing while there is any); then makes the offline copy, and builds site/
## with the zip in it and a link to it on the home page. GUIDE_PUBLISH makes each build refuse a draft too.
publish: $(BIN)/.installed-build
	$(BIN)/python -m macros.release
	GUIDE_PUBLISH=1 $(MAKE) offline
	GUIDE_PUBLISH=1 GUIDE_OFFLINE_ZIP=$(OFFLINE_ZIP) $(MAKE) build

## sign-off: the review pack for the safeguarding lead, dist/sign-off/review-pack.html (printable on A4; not part of the site).
sign-off: $(BIN)/.installed-build
	$(BIN)/python -m macros.sign_off dist/sign-off/review-pack.html

## browser: Debian's Chromium for the browser tests (Playwright's own browser download is not used), and
## poppler-utils, whose pdftotext reads the printed pages back.
browser:
	@test -x /usr/bin/chromium || { \
	  echo "Installing Debian's chromium package for the browser tests"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }
	@command -v pdftotext >/dev/null || { \
	  echo "Installing poppler-utils to read printed pages in the tests"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq poppler-utils; }

## checkers: the Nu Html Checker (vnu-jar, run with Java), and the offline copy's search shim (iframe-worker), pinned in package.json.
node_modules/.installed: package.json
	@command -v java >/dev/null || { \
	  echo "Installing Java for the Nu Html Checker"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq default-jre-headless; }
	npm install --no-package-lock --no-audit --no-fund --silent
	touch $@

## test: install what the tests need, then run every test.
test: $(BIN)/.installed-test browser node_modules/.installed
	$(BIN)/python -m pytest

## bench: build time against stock Material, first-view size per page, our JS+CSS size, Lighthouse scores.
bench: $(BIN)/.installed-test browser bench/.tools/.installed
	$(BIN)/python bench/run.py

# Lighthouse 12.2.3: the newest that runs on this machine's Node.js 20; only the benchmark uses it.
bench/.tools/.installed:
	npm install --prefix bench/.tools --no-package-lock --no-save --no-audit --no-fund --silent lighthouse@12.2.3
	touch $@

## content-report: the review status of the guide and every resource address still to confirm.
content-report: $(BIN)/.installed-build
	$(BIN)/python -m macros.report

## scorm: the quiz as a SCORM 1.2 package for an LMS, written to dist/information-sharing-quiz-scorm12.zip.
scorm: $(BIN)/.installed-build
	$(BIN)/python -m macros.export.scorm --out dist/information-sharing-quiz-scorm12.zip

## preview: redraw the edition's link preview picture (content/local/<edition>-preview.png) after changing the partnership's name, colour or logo, or the guide's title or description.
preview: $(BIN)/.installed-test browser
	$(BIN)/python -m tools.make_preview

## check-external-links: build, then check every link to another site; a table and reports/external-links.json. Needs the network.
check-external-links: build
	$(BIN)/python -m tools.check_external_links --site site --out reports/external-links.json

## schema: write the JSON Schema files in content/schema/ from the content definitions.
schema: $(BIN)/.installed-build
	$(BIN)/python -m macros.report --write-schema

## links: add every new address of the guide to links/published.txt (the list of links we keep working).
links: $(BIN)/.installed-build
	$(BIN)/python -m macros.published_links

clean:
	rm -rf site .site-building dist reports $(VENV)
