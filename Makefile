# Two commands from a fresh clone:  `make run` (set up + serve with demo content) and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install setup lint messages clean bench bench-demo

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

setup: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py demo_users

run: setup
	$(BIN)/python manage.py runserver 127.0.0.1:8000

test: install
	$(BIN)/pytest -n 2

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
