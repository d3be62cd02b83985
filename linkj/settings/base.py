"""Settings shared by every environment. Safe by default: no debug, no literal secret."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from linkj.logging import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")

INSTALLED_APPS = [
    # modeltranslation must come before the admin so its admin classes register first.
    "modeltranslation",
    # django.contrib.admin, with the site from linkj/admin_site.py (login form, change lists).
    "linkj.apps.LinkjAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_filters",
    "django_countries",
    "django_prose_editor",
    "csp",
    "axes",
    "linkj",
    "library",
    "partners",
    "news",
    "events",
    "scale",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After LocaleMiddleware (its 400 page speaks the address's language), before anything
    # that queries with request values: NUL and other control characters answer 400.
    "linkj.middleware.RefuseControlCharactersMiddleware",
    # An address longer than any the site makes: the styled 414 page (gunicorn refuses the
    # rest with its bare page; see ADDRESS_MAX_BYTES).
    "linkj.middleware.RefuseLongAddressesMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

# Login throttling for the admin (django-axes): five failures for one username from one
# address lock that pair out for an hour. Successful logins reset the count.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "account_locked.html"
AXES_VERBOSE = False

# Client address and stored user name for django-axes (and any later rate limit).
# DJANGO_TRUSTED_PROXY_COUNT: how many reverse proxies of ours append to X-Forwarded-For in
# front of the app; 0 (default) trusts no header and uses REMOTE_ADDR. See linkj/client_ip.py.
LINKJ_TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0") or 0)
AXES_CLIENT_IP_CALLABLE = "linkj.client_ip.client_ip"
AXES_USERNAME_CALLABLE = "linkj.admin_site.axes_username"

ROOT_URLCONF = "linkj.urls"
WSGI_APPLICATION = "linkj.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "linkj.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "linkj.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "linkj",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation. Japanese is the site's first language: modeltranslation takes the
# *first* entry of LANGUAGES as its default unless told otherwise, so both are explicit.
LANGUAGE_CODE = "ja"
LANGUAGES = [("ja", _("Japanese")), ("en", _("English"))]
MODELTRANSLATION_DEFAULT_LANGUAGE = "ja"
MODELTRANSLATION_LANGUAGES = ("ja", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("ja",), "ja": ()}
# TabbedTranslationAdmin loads jQuery UI from a CDN by default; ours is vendored.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["linkj.formats"]
TIME_ZONE = "Asia/Tokyo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

# --- Media storage --------------------------------------------------------------------------
# Uploads go through Django's storage API only; linkj.media serves them at MEDIA_URL after a
# permission check. With MEDIA_S3_BUCKET set they live in a private S3-compatible bucket, so
# that any number of web workers on any machine see the same files; otherwise in MEDIA_ROOT.
# Public files may be kept this long by browsers and CDNs (less when a take-down is due).
LINKJ_MEDIA_MAX_AGE = int(os.environ.get("MEDIA_MAX_AGE") or 60 * 60 * 24)
if os.environ.get("MEDIA_S3_BUCKET"):
    _s3 = {
        "bucket_name": os.environ["MEDIA_S3_BUCKET"],
        "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("MEDIA_S3_REGION") or None,
        "location": os.environ.get("MEDIA_S3_PREFIX", ""),
        "addressing_style": os.environ.get("MEDIA_S3_ADDRESSING_STYLE") or None,
        # The bucket stays private; an object's own URL is signed and short-lived.
        "querystring_auth": True,
        "querystring_expire": int(os.environ.get("MEDIA_S3_URL_SECONDS") or 300),
    }
    # Without these, boto3 reads AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (or a role).
    if os.environ.get("MEDIA_S3_ACCESS_KEY"):
        _s3["access_key"] = os.environ["MEDIA_S3_ACCESS_KEY"]
        _s3["secret_key"] = os.environ.get("MEDIA_S3_SECRET_KEY", "")
    STORAGES["default"] = {"BACKEND": "linkj.storage.MediaS3Storage", "OPTIONS": _s3}

# Uploads: images larger than this are refused before Pillow decodes them.
LINKJ_IMAGE_MAX_BYTES = 5 * 1024 * 1024
LINKJ_IMAGE_MAX_PIXELS = 25_000_000
LINKJ_PDF_MAX_BYTES = 10 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 6 * 1024 * 1024

FORMS_URLFIELD_ASSUME_HTTPS = True

# Content-Security-Policy: no inline script or style anywhere, site and admin alike.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
# An expired form or blocked cookies: the site's own 403 page, in the visitor's language.
CSRF_FAILURE_VIEW = "linkj.views.csrf_failure"
# The longest path plus query string Django serves (bytes, percent-encoded); longer ones get
# the styled 414 page. The longest address the site itself makes is an admin change page
# keeping a full partner search in its preserved filters, about 2,900 bytes
# (tests/test_gunicorn_config.py). gunicorn's limit_request_line (8190, its maximum) sits above
# this, so only a request line past 8190 bytes meets gunicorn's own bare 414.
ADDRESS_MAX_BYTES = 4096
LANGUAGE_COOKIE_SAMESITE = "Lax"

SITE_NAME = "LINK-J"
# Absolute base for canonical links, feeds and calendars when there is no request.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

# Page cache (linkj/cache.py): whole public pages for anonymous visitors in the default cache,
# dropped on every content change and at the next scheduled change (go-live, take-down, event
# start or end, midnight in Tokyo). LINKJ_PAGE_CACHE=off turns it off: the benchmark measures
# uncached pages that way. It stores each page as the whole chain answered it (CSP and security
# headers included) and decides afterwards, from what session, auth, messages and CSRF recorded
# on the request, whether the page was the same for every anonymous visitor.
# ConditionalGetMiddleware gives every page an ETag and answers 304 to If-None-Match.
LINKJ_PAGE_CACHE = os.environ.get("LINKJ_PAGE_CACHE", "on").strip().lower() != "off"
# Each worker also keeps the pages it served lately in its own memory (bounded), trusting the
# shared generation it read at most this many seconds ago: a change saved through another
# worker shows within that time, one saved through this worker at once. 0 turns it off.
LINKJ_PAGE_CACHE_LOCAL_SECONDS = float(os.environ.get("LINKJ_PAGE_CACHE_LOCAL_SECONDS", "1"))
LINKJ_PAGE_CACHE_LOCAL_BYTES = 32 * 1024 * 1024
# Shared fragments (linkj.views.SharedPageMixin): list, history, home, search and detail pages
# are the same for every visitor apart from their messages, so everyone (members too; staff but
# on pages with edit links; nobody on event pages with a registration form) gets them assembled
# from HTML rendered once per content change, kept under the same rules as pages; feeds,
# calendars and sitemaps are kept whole. "off" renders them in full every time (the
# benchmark's "in full" mode).
LINKJ_SHARED_FRAGMENTS = os.environ.get("LINKJ_SHARED_FRAGMENTS", "on").strip().lower() != "off"
MIDDLEWARE.insert(
    MIDDLEWARE.index("csp.middleware.CSPMiddleware"),
    "django.middleware.http.ConditionalGetMiddleware",
)
# First in the chain (after the request id, inserted below): a hit costs one cache read.
MIDDLEWARE.insert(0, "linkj.cache.PageCacheMiddleware")

# --- Operations: request ids and structured logs (linkj/logging.py) ---
# First in the chain, so that every response (static files and redirects included) carries
# an X-Request-ID and gets its access line.
MIDDLEWARE.insert(0, "linkj.logging.RequestIDMiddleware")
# `text` reads well in a terminal; production defaults to `json` lines.
LOGGING = logging_config(
    os.environ.get("DJANGO_LOG_FORMAT", "text"), os.environ.get("DJANGO_LOG_LEVEL", "INFO")
)

# --- Members, accounts, event registration and lounge bookings (issue 10) ---
# Accounts for members are django-allauth's (email login, confirmation link, password reset,
# shipped Japanese catalogue) under /ja/accounts/ and /en/accounts/. The admin keeps its own
# login, throttled by django-axes.
INSTALLED_APPS += [
    "allauth",
    "allauth.account",
    "members",
    "registrations",
    "bookings",
]
# allauth needs the user on the request; django-axes must stay the last middleware.
MIDDLEWARE.insert(
    MIDDLEWARE.index("axes.middleware.AxesMiddleware"),
    "allauth.account.middleware.AccountMiddleware",
)
AUTHENTICATION_BACKENDS += ["allauth.account.auth_backends.AuthenticationBackend"]
ACCOUNT_ADAPTER = "members.adapter.AccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "members.forms.SignupDetailsForm"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[LINK-J] "
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "members:my_page"
# Mail: the console in development, locmem in tests, SMTP from the environment in production.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "LINK-J <noreply@link-j.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Registration attempts allowed per client address (linkj/client_ip.py) per hour.
REGISTRATIONS_PER_ADDRESS_PER_HOUR = int(os.environ.get("REGISTRATIONS_PER_ADDRESS_PER_HOUR", 10))

# --- Standing pages, contact form, newsletter (issue 9) -------------------------------------
# Pages keep their revisions with django-reversion.
INSTALLED_APPS += ["reversion", "pages"]
INSTALLED_APPS += ["contact"]
# Where enquiries are mailed, and the sender of every mail the site sends.
CONTACT_EMAIL = os.environ.get("CONTACT_EMAIL", "office@link-j.example")
# SMTP server for those mails (Django's defaults: localhost:25, no TLS).
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT") or 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "").lower() == "true"
EMAIL_TIMEOUT = 10
# Sends per client address (linkj/client_ip.py) and window in seconds.
CONTACT_RATE_LIMIT = (5, 60 * 60)
INSTALLED_APPS += ["newsletter"]
# Newsletter double opt-in: how long a confirmation link works, sign-ups per client address
# and window, and confirmation mails one address may receive a day.
NEWSLETTER_CONFIRM_SECONDS = int(os.environ.get("NEWSLETTER_CONFIRM_DAYS") or 7) * 24 * 60 * 60
NEWSLETTER_RATE_LIMIT = (5, 60 * 60)
NEWSLETTER_MAILS_PER_ADDRESS = 3
# Files browsers ask for at the site's root (favicon.ico, apple-touch-icon.png), served by
# whitenoise from public/ (made by scripts/make_site_images.py).
WHITENOISE_ROOT = BASE_DIR / "public"
# The footer's social links, plain links (no script): SOCIAL_LINKS="X=https://…,LinkedIn=https://…"
LINKJ_SOCIAL_LINKS = [tuple(item.split("=", 1)) for item in env_list("SOCIAL_LINKS") if "=" in item]

# --- Site search (issue 9) ------------------------------------------------------------------
# Reads partners, news and events (a layer above them); pg_trgm on PostgreSQL.
INSTALLED_APPS += ["search"]
