# Two commands from a fresh clone:  `make run` (set up + serve with demo content) and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install setup lint messages clean bench

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
		-i "newsletter/*" -i "templates/newsletter/*" -i "library/*" -i "templates/library/*"
	for app in news events members registrations bookings pages contact newsletter library; do \
		$(BIN)/python manage.py app_messages $$app; done
	for po in locale/ja/LC_MESSAGES/django.po */locale/ja/LC_MESSAGES/django.po; do \
		msgattrib --no-obsolete -o $$po $$po; done
	$(BIN)/python manage.py compilemessages -l ja --ignore ".venv/*"

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles

# --- Operations: the benchmark (scripts/bench.py; writes docs/benchmarks.md) ---
# DATABASE_URL / REDIS_URL choose what is measured; without them, the SQLite demo.
bench: install
	$(BIN)/python scripts/bench.py
