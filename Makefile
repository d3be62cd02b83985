# Two commands from a fresh clone:  `make run` (set up + serve with demo content) and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install setup lint messages clean bench bench-demo lock coverage

# Packages come from requirements.lock: exact versions with their hashes, the same on every
# machine (pyproject.toml keeps the ranges; `make lock` turns them into pins). The checkout
# itself is not installed: manage.py and pytest run it from here.
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	touch $(STAMP)

install: $(STAMP)

# Re-pin after changing pyproject.toml's dependencies: versions already pinned stay unless a
# range excludes them. `make lock UPGRADE=--upgrade` moves everything to the newest allowed,
# `UPGRADE="--upgrade-package django"` one package. Then `make install test`.
lock:
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet "pip-tools>=7.4,<8"
	$(BIN)/pip-compile --quiet --generate-hashes --extra dev --strip-extras --allow-unsafe \
		--no-emit-index-url --no-emit-find-links $(UPGRADE) -o requirements.lock pyproject.toml

setup: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py demo_users

run: setup
	$(BIN)/python manage.py runserver 127.0.0.1:8000

test: install
	$(BIN)/pytest -n 2

# The suite with branch coverage, as CI runs it on SQLite (fails under the floor in
# pyproject.toml, [tool.coverage.report] fail_under).
coverage: install
	$(BIN)/pytest -n 2 --cov --cov-branch --cov-report=term-missing:skip-covered

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run

messages: install
	cd $(CURDIR) && $(BIN)/python manage.py makemessages -l ja --no-location -i ".venv/*" -i "news/*" -i "events/*" -i "templates/news/*" -i "templates/events/*" \
		-i "members/*" -i "registrations/*" -i "bookings/*" \
		-i "templates/members/*" -i "templates/registrations/*" -i "templates/bookings/*" \
		-i "pages/*" -i "templates/pages/*" -i "contact/*" -i "templates/contact/*" \
		-i "newsletter/*" -i "templates/newsletter/*" -i "search/*" -i "templates/search/*" \
		-i "library/*" -i "templates/library/*"
	for app in news events members registrations bookings pages contact newsletter search library; do \
		$(BIN)/python manage.py app_messages $$app; done
	for po in locale/ja/LC_MESSAGES/django.po */locale/ja/LC_MESSAGES/django.po; do \
		msgattrib --no-obsolete -o $$po $$po; done
	$(BIN)/python manage.py compilemessages -l ja --ignore ".venv/*"

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles

# --- Operations: the benchmark (scripts/bench.py; writes docs/benchmarks.md) ---
# DATABASE_URL / REDIS_URL choose what is measured; without them, the SQLite demo.
# The benchmark at scale, on PostgreSQL and Redis: a database of its own, filled once
# (generate_scale_data tops up, so a second run adds nothing). Figures: docs/benchmarks.md.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/linkj_bench_scale
BENCH_REDIS_URL ?= redis://127.0.0.1:6379/14
bench: install
	psql "$(BENCH_DATABASE_URL)" -c "select 1" >/dev/null 2>&1 || \
		createdb -h 127.0.0.1 -U postgres "$(notdir $(BENCH_DATABASE_URL))"
	DATABASE_URL="$(BENCH_DATABASE_URL)" $(BIN)/python manage.py migrate --noinput -v 0
	DATABASE_URL="$(BENCH_DATABASE_URL)" $(BIN)/python manage.py load_demo
	DATABASE_URL="$(BENCH_DATABASE_URL)" $(BIN)/python manage.py generate_scale_data \
		--partners 5000 --releases 100000 --events 10000
	DATABASE_URL="$(BENCH_DATABASE_URL)" REDIS_URL="$(BENCH_REDIS_URL)" $(BIN)/python \
		scripts/bench.py --title "Benchmarks at scale (PostgreSQL, Redis)"

# The same pages on the SQLite demo (quick, no PostgreSQL needed): docs/benchmarks-demo.md.
bench-demo: install
	env -u DATABASE_URL -u REDIS_URL $(BIN)/python scripts/bench.py \
		--title "Benchmarks on the demo (SQLite)" --output docs/benchmarks-demo.md
