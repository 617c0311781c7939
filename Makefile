# Kommuneportal: `make run` serves the demo site, `make test` runs the whole suite.
# Both set themselves up on a fresh machine with Python 3.11 and nothing else.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# Links in the demo's e-mails (confirmation, alerts, manage, unsubscribe) point at the port served,
# unless SITE_URL is set: `make run PORT=8310` writes http://127.0.0.1:8310/… into them.
SITE_URL ?= http://$(HOST):$(PORT)

.PHONY: run test test-sqlite test-postgres migrate demo collectstatic bench soak clean

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

soak: $(VENV)/.runtime-installed
	bash bench/soak.sh

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
