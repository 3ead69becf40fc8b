# Everyday commands. `make run` and `make test` are all a newcomer needs.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help install run test test-fast test-browser lint format worker beat demo messages check css weight bench-seed bench-pages bench-load bench-reports

help: ## Show this help
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml constraints.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install the pinned dependencies

run: install ## Migrate, load the demo data once and serve on http://127.0.0.1:8000
	$(PY) manage.py migrate --noinput
	@test -f .demo-loaded || ($(PY) manage.py demo && touch .demo-loaded)
	$(PY) manage.py runserver 127.0.0.1:8000

test: install ## Run the whole test suite (PostgreSQL if DATABASE_URL is set, else SQLite)
	$(VENV)/bin/pytest -n 2 -p no:randomly

test-browser: install ## Run only the browser tests
	$(VENV)/bin/pytest -m browser

lint: install ## Lint, migrations check and Django system checks
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) manage.py check

format: install ## Format the code
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

worker: install ## Run a Celery worker with beat (needs CELERY_BROKER_URL, e.g. redis://127.0.0.1:6379/0)
	$(VENV)/bin/celery -A config worker --beat --loglevel=info

beat: install ## Run Celery beat alone (when workers run without --beat)
	$(VENV)/bin/celery -A config beat --loglevel=info

demo: install ## Create or refresh the demo data
	$(PY) manage.py demo

messages: install ## Update the French, Spanish and Portuguese catalogues and compile them
	$(PY) manage.py makemessages -l fr -l es -l pt --ignore=.venv --ignore=staticfiles --no-obsolete
	$(PY) manage.py compilemessages --ignore=.venv

# Benchmarks at real scale: use a database of their own, e.g.
#   createdb portal_benchdata && export DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_benchdata
BENCH_SCALE ?= 1
bench-seed: install ## Fill DATABASE_URL with 12,000 applications (BENCH_SCALE=0.1 for fewer); refuses to run twice
	$(PY) -m bench.seed --scale $(BENCH_SCALE)

bench-pages: install ## Time every page of each role against /healthz on gunicorn (needs bench-seed)
	$(PY) -m bench.pages

bench-reports: install ## Time and peak memory of the PDF dossier for 5 and 50 applications (scratch database)
	$(PY) -m bench.reports

bench-load: install ## Load test: 50 applicants, reviewers and staff for 60 s on gunicorn (needs bench-seed)
	$(PY) -m bench.load

css: install ## Rebuild static/vendor/bootstrap/bootstrap.portal.min.css: only the Bootstrap rules the portal uses (needs npm)
	cd assets && npm ci --no-audit --no-fund
	cd assets && CRISPY_TEMPLATES="$$(../$(PY) -c 'import crispy_bootstrap5, os; print(os.path.join(os.path.dirname(crispy_bootstrap5.__file__), "templates"))')" npx purgecss --config purgecss.config.cjs

weight: install ## Measure the application form's weight on the wire, cold, with production settings
	$(PY) bench/weight.py
