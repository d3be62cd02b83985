"""Development: debug on, a throwaway secret, local hosts."""

import os

from .base import *  # noqa: F403
from .base import STORAGES

DEBUG = True
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or "dev-only-not-secret-" + "x" * 40
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"  # mails print to the terminal
# Example accounts for the demo footer (placeholders, not LINK-J's): set SOCIAL_LINKS instead.
LINKJ_SOCIAL_LINKS = LINKJ_SOCIAL_LINKS or [  # noqa: F405
    ("X", "https://x.com/example"),
    ("Facebook", "https://www.facebook.com/example"),
    ("LinkedIn", "https://www.linkedin.com/company/example"),
]
