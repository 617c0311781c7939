"""Settings for Kommuneportal.

Every value that differs between a laptop and production is read from the
environment. Local defaults let `make run` work with no set-up; production
(DJANGO_DEBUG=0) refuses to start without its secrets.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value else default


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "local-development-only-not-a-secret-" + "x" * 32

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must be set when DJANGO_DEBUG is off.")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

# The public address of the site, used in e-mails and feeds built outside a request.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.syndication",
    "django.contrib.postgres",
    "crispy_forms",
    "axes",
    "django_ratelimit",
    # Not "rest_framework": its nb catalogue would replace Django's own words for shared messages
    # ("Feltet er påkrevet."); the API needs neither its templates nor its translations.
    "drf_spectacular",
    "kommuneportal",
    "publishing",
    "alerts",
    "guidance",
    "staffing",
    "prioritering",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The open API's rate limit, CORS and licence headers: before the page cache, so a cached answer
    # is counted and carries them too (kommuneportal/api/middleware.py).
    "kommuneportal.api.middleware.APIMiddleware",
    # Before anything that reads the session: serves anonymous readers whole pages from the cache,
    # invalidated by what each page shows (see kommuneportal/middleware.py).
    "kommuneportal.middleware.PublicPageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Hostile filter values (NUL, numbers past 64 bits, impossible dates) on /admin/ answer 400.
    "kommuneportal.middleware_admin.AdminQueryGuardMiddleware",
    # A view that uses django-ratelimit's decorator answers its Norwegian 429 page (RATELIMIT_VIEW).
    "django_ratelimit.middleware.RatelimitMiddleware",
    # Last, as django-axes asks, so it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kommuneportal.urls"
WSGI_APPLICATION = "kommuneportal.wsgi.application"

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
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
# PostgreSQL in production and CI via DATABASE_URL; an embedded SQLite file by default.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that is down or hung must cost a request seconds, not a worker: give up connecting
    # after DJANGO_DB_CONNECT_TIMEOUT seconds and stop any statement after DJANGO_DB_STATEMENT_TIMEOUT_MS.
    DATABASES["default"]["OPTIONS"] = {
        "connect_timeout": env_int("DJANGO_DB_CONNECT_TIMEOUT", 2),
        "options": f"-c statement_timeout={env_int('DJANGO_DB_STATEMENT_TIMEOUT_MS', 10000)}",
        "keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 2, "keepalives_count": 2,
        **DATABASES["default"].get("OPTIONS", {}),  # what DATABASE_URL says wins
    }
# While a request is served, no wait for PostgreSQL lasts longer than this (kommuneportal/database.py);
# after one that did, requests give up on the database at once for DATABASE_BREAKER_SECONDS.
DATABASE_REQUEST_WAIT_SECONDS = env_int("DJANGO_DB_REQUEST_WAIT_SECONDS", 3)
DATABASE_BREAKER_SECONDS = 5
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and sessions: nothing is kept in the app server's memory or disk
# that another instance would need, so several gunicorn instances can share one database.
REDIS_URL = os.environ.get("REDIS_URL") or os.environ.get("CACHE_URL", "")
if REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    # A Redis that is down must cost a request milliseconds, not the client's default retries of seconds.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL,
                          "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5,
                                      "retry": Retry(NoBackoff(), 1)}}}
elif os.environ.get("DJANGO_CACHE") == "locmem":  # each process its own (the test suite)
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                          "OPTIONS": {"MAX_ENTRIES": 5000}}}
else:
    # Without Redis: one cache on this host's disk that every worker shares (SQLite and files, by
    # diskcache), so a page rendered by one worker is served by all, and the whole site fits: about
    # 25 KB a page compressed, some 300 MB for 10 000 articles in every list and filter combination
    # read in a day, at most DJANGO_CACHE_SIZE_MB (1 GB) before the least recently used go. The folder
    # holds pickled data: it must be private to the user the app runs as (created 0700 here).
    CACHE_DIR = Path(os.environ.get("DJANGO_CACHE_DIR") or BASE_DIR / "var" / "cache")
    CACHE_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
    CACHES = {"default": {"BACKEND": "diskcache.DjangoCache", "LOCATION": str(CACHE_DIR), "TIMEOUT": 300,
                          "SHARDS": 4, "DATABASE_TIMEOUT": 0.25,
                          "OPTIONS": {"size_limit": env_int("DJANGO_CACHE_SIZE_MB", 1024) * 2**20,
                                      "eviction_policy": "least-recently-stored"}}}
# The rate limits' counts (django-ratelimit, RATELIMIT_USE_CACHE below) must be shared by every worker and
# instance, or each worker would allow the whole limit: Redis when it is configured, otherwise the database
# (kommuneportal/cache.py; its table is created by `migrate`). MAX_ENTRIES is high so that culling, which
# would forget counts, happens only past a hundred thousand live counters.
if REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
    from redis.backoff import NoBackoff as LimitsNoBackoff
    from redis.retry import Retry as LimitsRetry

    CACHES["limits"] = {"BACKEND": "kommuneportal.cache.CounterRedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": "limits",
                        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5,
                                    "retry": LimitsRetry(LimitsNoBackoff(), 1)}}
else:
    CACHES["limits"] = {"BACKEND": "kommuneportal.cache.CounterDatabaseCache", "LOCATION": "kommuneportal_limits",
                        "OPTIONS": {"MAX_ENTRIES": 100_000}}
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Whole pages for anonymous readers, invalidated by what each page shows (on in production; 0 turns
# it off, e.g. to measure the pages themselves). A copy is kept up to PAGE_CACHE_SECONDS; proxies and
# browsers may keep a page PAGE_CACHE_MAX_AGE seconds (never past a scheduled change or midnight),
# serve it stale while revalidating, and for a day if the portal is down. When a hot page has just
# changed, one worker renders it and the others wait up to PAGE_CACHE_LOCK_WAIT seconds for its copy.
PAGE_CACHE_SECONDS = env_int("DJANGO_PAGE_CACHE_SECONDS", 0 if DEBUG else 24 * 3600)
PAGE_CACHE_MAX_AGE = env_int("DJANGO_PAGE_CACHE_MAX_AGE", 60)
PAGE_CACHE_STALE_IF_ERROR = 24 * 3600
# Where a cached copy is checked: "cache" when every instance shares the cache (one host's workers
# with the default cache on disk, or several hosts with Redis): no query for a cached page;
# "database" when instances keep pages in caches they do not share (several hosts without Redis).
PAGE_CACHE_CHECK = os.environ.get("DJANGO_PAGE_CACHE_CHECK", "cache")
if PAGE_CACHE_CHECK not in ("cache", "database"):
    raise ImproperlyConfigured(f"DJANGO_PAGE_CACHE_CHECK must be «cache» or «database», not «{PAGE_CACHE_CHECK}».")
# Seconds the check of a cached copy waits for PostgreSQL before serving the copy anyway.
PAGE_CACHE_DATABASE_WAIT = env_int("DJANGO_PAGE_CACHE_DB_WAIT_MS", 500) / 1000
PAGE_CACHE_LOCK_SECONDS = 10
PAGE_CACHE_LOCK_WAIT = 3
# A proxy or CDN in front that purges by tag (kommuneportal/purge.py), e.g. Varnish with xkey.
PAGE_CACHE_PURGE = ([{"BACKEND": "kommuneportal.purge.HTTPPurgeBackend", "LOCATION": os.environ["PAGE_CACHE_PURGE_URL"],
                      "HEADER": os.environ.get("PAGE_CACHE_PURGE_HEADER", "xkey-purge")}]
                    if os.environ.get("PAGE_CACHE_PURGE_URL") else [])

# --- Accounts ---------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# The proxies whose X-Forwarded-For is believed (kommuneportal/clients.py): the same variable tells
# gunicorn whose X-Forwarded-Proto to believe (gunicorn.conf.py). Addresses or networks, comma-separated;
# "*" trusts every peer, right only when nothing but the proxy can reach gunicorn.
TRUSTED_PROXIES = env_list("GUNICORN_FORWARDED_ALLOW_IPS", ["127.0.0.1", "::1"])

# Sign-in throttling (kommuneportal/lockout.py): five wrong passwords for one user name from one client
# address lock that pair out for an hour, so nobody elsewhere can lock a user out; twenty failures from
# one address across user names lock that address out, so spraying names is stopped. One page either way.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
SIGN_IN_ADDRESS_FAILURE_LIMIT = env_int("SIGN_IN_ADDRESS_FAILURE_LIMIT", 20)
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "kommuneportal.lockout.PairAndAddressHandler"
AXES_CLIENT_IP_CALLABLE = "kommuneportal.clients.client_address"
AXES_LOCKOUT_CALLABLE = "kommuneportal.lockout.lockout_response"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# --- Rate limits (django-ratelimit) -------------------------------------------
# Every form that sends e-mail, and the proposals form, allows a number of sendings per client address
# an hour (the address from kommuneportal/clients.py, IPv6 counted per /64), counted in CACHES["limits"],
# which all workers and instances share; past it the form is shown again with a Norwegian 429 and
# Retry-After. The e-mails to one recipient are limited too, silently (the page never tells whether an
# address is known). docs/abuse-limits.md says how a new form takes part.
RATELIMIT_USE_CACHE = "limits"
RATELIMIT_IP_META_KEY = "kommuneportal.clients.client_address"
RATELIMIT_HASH_ALGORITHM = "kommuneportal.clients.keyed_hash"
RATELIMIT_FAIL_OPEN = True  # a Redis outage lets the forms work rather than refusing everyone
RATELIMIT_VIEW = "kommuneportal.views.rate_limited"  # for views that use django-ratelimit's decorator
_PER_CLIENT = env_int("RATE_LIMIT_PER_CLIENT_PER_HOUR", 10)
RATE_LIMITS = {
    "alerts_subscribe": f"{_PER_CLIENT}/h",  # confirmation e-mails (one an hour per recipient: alerts/services.py)
    "password_reset": f"{_PER_CLIENT}/h",
    "password_reset_recipient": "3/h",  # reset e-mails to one address, from any client
    "staffing_proposal": "5/h",  # a municipality rarely has more than one or two
}
# django-ratelimit names only memcached and django-redis as tested; our two backends increment atomically
# and keep the expiry (kommuneportal/cache.py, tests/portal/test_rate_limits.py).
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]

# --- Language and time ------------------------------------------------------
LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", "Norsk bokmål")]
LOCALE_PATHS = [BASE_DIR / "locale"]  # fills the gaps in Django's and django-axes' nb catalogues
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

# --- Static files -----------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed, compressed names in production (far-future caching is safe because
    # every change gets a new name); plain names while developing.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# --- Forms ------------------------------------------------------------------
CRISPY_ALLOWED_TEMPLATE_PACKS = ("designsystemet",)
CRISPY_TEMPLATE_PACK = "designsystemet"

# --- E-mail -----------------------------------------------------------------
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)  # implicit TLS (port 465); not together with EMAIL_USE_TLS
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", None)  # seconds; send_alerts uses ALERTS_SMTP_TIMEOUT
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH") or None  # folder for the file backend (test servers)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Kommuneportal <ikke-svar@kommuneportal.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security ---------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", not DEBUG)
if env_bool("DJANGO_SECURE_PROXY_SSL_HEADER", False):
    # Only behind a TLS-terminating proxy that always sets this header itself.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Nothing is loaded from another host: the portal must work on a closed network.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

CSRF_FAILURE_VIEW = "kommuneportal.views.csrf_failure"

# Four-eyes principle for publishing: when on, the approver of a version must differ from its author.
VERSIONING_FOUR_EYES = env_bool("VERSIONING_FOUR_EYES", False)

# --- E-mail alerts ("Få nyhetsvarsel", kommuneportal/alerts) ------------------
ALERTS_FROM_EMAIL = os.environ.get("ALERTS_FROM_EMAIL", DEFAULT_FROM_EMAIL)
ALERTS_CONFIRM_MAX_AGE = env_int("ALERTS_CONFIRM_HOURS", 48) * 3600  # seconds a confirmation link works
ALERTS_DIGEST_HOUR = env_int("ALERTS_DIGEST_HOUR", 7)  # local hour the daily digest goes out
ALERTS_PURGE_UNCONFIRMED_DAYS = 7
ALERTS_STALE_MINUTES = env_int("ALERTS_STALE_MINUTES", 15)  # a claimed/sending outbox row older than this is stuck
ALERTS_MAX_ATTEMPTS = env_int("ALERTS_MAX_ATTEMPTS", 8)
ALERTS_SMTP_TIMEOUT = env_int("ALERTS_SMTP_TIMEOUT", 30)
# The documents readers can be alerted about: each app provides its source in its own alerts.py.
ALERT_SOURCES = [
    "guidance.alerts.ArticleAlertSource",
    "guidance.alerts.ArticleWithdrawalSource",
    "staffing.alerts.MeasureAlertSource",
    "staffing.alerts.MeasureWithdrawalSource",
]
# Other e-mails sent through the alerts outbox (alerts/notifications.py): each app provides its source.
OUTBOX_SOURCES = [
    "prioritering.bistand.notifications.AssistanceNotificationSource",
]

# --- Staffing measures --------------------------------------------------------
# A measure whose source has not confirmed it for more than this many months is shown as
# «ikke bekreftet på over N måneder» instead of «gjeldende».
STAFFING_CONFIRMATION_MONTHS = env_int("STAFFING_CONFIRMATION_MONTHS", 6)

# --- Open content API (/api/v1/, issue 27; docs/api.md) ----------------------------------------
# Read-only JSON for municipalities' own systems, built with Django REST framework and drf-spectacular.
REST_FRAMEWORK = {
    # JSON only, whatever the client's Accept header says: the page cache keys on the address alone.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "publishing.api.negotiation.JSONOnlyNegotiation",
    # Public and anonymous: no session is read, so no `Vary: Cookie` and no CSRF.
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": [],
    "UNAUTHENTICATED_USER": None,
    # The rate limit is kommuneportal.api.middleware's, so answers from the page cache count too.
    "DEFAULT_THROTTLE_CLASSES": [],
    "URL_FORMAT_OVERRIDE": None,
    "EXCEPTION_HANDLER": "publishing.api.problems.problem_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Kommuneportal – åpent API",
    "DESCRIPTION": "Veiledning, bemanningstiltak, kontaktpunktet og prioriteringsnotatet som JSON. "
                   "Lisens: Norsk lisens for offentlige data (NLOD) 2.0. Dokumentasjon: /api/.",
    "VERSION": "1",
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "LICENSE": {"name": "NLOD-2.0", "url": "https://data.norge.no/nlod/no/2.0"},
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums",
                             "kommuneportal.api.schema.add_common_responses"],
    "ENUM_GENERATE_CHOICE_DESCRIPTION": False,
}
# Who publishes the data under NLOD, as the attribution names it.
API_LICENSOR = os.environ.get("API_LICENSOR", "Kommuneportal")
# Requests per client address per window (seconds); 0 turns the limit off. Counted in a cache every
# worker shares: the "limits" alias when settings define one (issue 23), else "default" (Redis when
# REDIS_URL is set; with local memory each worker counts for itself).
API_RATE_LIMIT = env_int("API_RATE_LIMIT", 300)
API_RATE_LIMIT_WINDOW = env_int("API_RATE_LIMIT_WINDOW", 60)
API_RATE_LIMIT_CACHE = os.environ.get("API_RATE_LIMIT_CACHE") or ("limits" if "limits" in CACHES else "default")
