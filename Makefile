# Kommuneportal: `make run` serves the demo site, `make test` runs the whole suite.
# Both set themselves up on a fresh machine with Python 3.11 and nothing else. `make help` lists the targets.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# Links in the demo's e-mails (confirmation, alerts, manage, unsubscribe) point at the port served,
# unless SITE_URL is set: `make run PORT=8310` writes http://127.0.0.1:8310/… into them.
SITE_URL ?= http://$(HOST):$(PORT)

.PHONY: help run test test-sqlite test-postgres migrate demo collectstatic bench lighthouse soak clean

# Reinstall only when a requirements file changed, so the second run is fast.
$(VENV)/.runtime-installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test-installed: requirements.txt requirements-test.txt $(VENV)/.runtime-installed
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

migrate: $(VENV)/.runtime-installed
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo

run: demo
	@echo ""
	@echo "  Kommuneportal kjører på http://$(HOST):$(PORT)/"
	@echo "  Redaksjon: http://$(HOST):$(PORT)/admin/  brukernavn: redaktor  passord: demo-redaktor-2026"
	@echo "  Kommunebrukere: se README.md (for eksempel brukernavn hamar)"
	@echo "  Lenker i e-poster går til $(SITE_URL)/; varsler sendes med:"
	@echo "    SITE_URL=$(SITE_URL) $(PY) manage.py send_alerts"
	@echo "  Stopp med Ctrl+C."
	@echo ""
	SITE_URL="$(SITE_URL)" $(PY) manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.test-installed
	bash scripts/test.sh

test-sqlite: $(VENV)/.test-installed
	$(PY) -m pytest -m "not browser"

collectstatic: $(VENV)/.runtime-installed
	$(PY) manage.py collectstatic --noinput

bench: $(VENV)/.test-installed
	bash bench/run.sh

# Every public page type under Lighthouse (make test measures one of each template family; docs/testing.md).
lighthouse: $(VENV)/.test-installed
	bash bench/lighthouse.sh

soak: $(VENV)/.runtime-installed
	bash bench/soak.sh

clean:
	rm -rf $(VENV) staticfiles .pytest_cache

help:
	@echo "make run           serve the demo site on http://$(HOST):$(PORT)/"
	@echo "make test          the whole suite: SQLite, and PostgreSQL with the browser tests (docs/testing.md)"
	@echo "                   Lighthouse measures one page of each template family there"
	@echo "make test-sqlite   the suite on SQLite only, without the browser tests"
	@echo "make lighthouse    the full Lighthouse sweep: every public page type (about 5 minutes)"
	@echo "make bench         the per-page table and the crisis replay (docs/bench.md)"
	@echo "make soak          the soak test (docs/performance.md)"
	@echo "make clean         remove the virtualenv and collected static files"
