"""Settings for the local-democracy programmes portal.

Everything that differs between a laptop and production is read from the environment
(12-factor). With nothing set, the portal runs on SQLite, sends e-mail to the console
and runs Celery tasks in process, so `make run` works on a fresh machine.
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# A local .env file is convenient for development; production sets real variables.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=True)
# The fallback key is only ever used with DEBUG on: without DEBUG the portal refuses to start
# on it (or on any short or Django-generated "insecure" key), because a published key lets
# anyone forge sessions and password-reset links.
DEVELOPMENT_SECRET_KEY = "dev-only-insecure-key-change-me-in-production-0123456789"  # noqa: S105 - refused without DEBUG
SECRET_KEY = env.str("SECRET_KEY", default="") or DEVELOPMENT_SECRET_KEY
if not DEBUG and (
    SECRET_KEY == DEVELOPMENT_SECRET_KEY or len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure")
):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 50 characters when DEBUG is false "
        '(e.g. python -c "import secrets; print(secrets.token_urlsafe(64))").'
    )
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Before the admin, as django-modeltranslation asks: staff-written content (programme, intake,
    # phase, rubric and e-mail texts) in each language of LANGUAGES, see */translation.py.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_countries",
    "django_htmx",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "csp",
    "accounts",
    "portal",
    "programmes",
    "applications",
    "selection",
    "change_projects",
    "mentoring",
    "reports",
    "study_visits",
]

MIDDLEWARE = [
    # First, so its figures cover every other middleware; off unless PORTAL_SERVER_TIMING is set.
    "portal.middleware.ServerTimingMiddleware",
    # Pages compressed (to about a fifth) for applicants on slow links, in development too.
    # BREACH: Django's GZip adds random-length padding to every response ("Heal the Breach")
    # and the CSRF token is masked anew on each page, so a secret's compressed length cannot
    # be probed. Static files come precompressed (brotli, gzip) from whitenoise instead.
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.UserLanguageMiddleware",
    "accounts.middleware.UserTimeZoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "portal.middleware.SessionTimeoutMiddleware",
    "portal.middleware.PrivateCacheMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "portal.middleware.SecondFactorRequiredMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "portal.middleware.DomainRefusalMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.navigation",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# --- Database -------------------------------------------------------------------------
# An empty DATABASE_URL counts as unset.
DATABASES = {
    "default": env.db_url_config(env.str("DATABASE_URL", default="") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Reuse connections between requests; a health check drops ones the server closed.
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts -------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "portal:dashboard"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_REDIRECT_URL = "portal:home"
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupProfileForm"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Local Democracy Portal] "
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
# Failed logins, limited without letting an attacker lock the owner out (see accounts/adapter.py):
# "key" is the (account, address) pair: tight; "ip" is the address alone: loose (many people
# can share one); `login_failed_account` is the account from any address: a cool-off, never
# permanent, and the owner can still log in with a code sent by e-mail.
ACCOUNT_RATE_LIMITS = {
    "login_failed": env.str("LOGIN_FAILED_RATE", default="60/10m/ip,5/5m/key"),
    "login_failed_account": env.str("LOGIN_FAILED_ACCOUNT_RATE", default="20/15m/key"),
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
}
ACCOUNT_PRESERVE_USERNAME_CASING = False
# A way in that no password-guesser can block: a one-time code sent to the verified address.
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
# Releasing decisions and changing roles need a login (or re-authentication) this recent.
ACCOUNT_REAUTHENTICATION_TIMEOUT = 15 * 60
# Behind N reverse proxies that append to X-Forwarded-For, the client's address is the Nth
# from the right. 0 (no proxy) uses REMOTE_ADDR. Wrong values make every visitor look alike.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("ALLAUTH_TRUSTED_PROXY_COUNT", default=0)
# Second factor (allauth.mfa): an authenticator app (TOTP) and recovery codes. Required for
# staff, reviewers and superusers (portal.middleware.SecondFactorRequiredMiddleware).
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env.str("MFA_TOTP_ISSUER", default="Local Democracy Portal")

# --- Sessions -------------------------------------------------------------------------
# Absolute lifetime of a login; idle limits below (portal.middleware.SessionTimeoutMiddleware).
SESSION_ABSOLUTE_TIMEOUT = env.int("SESSION_ABSOLUTE_TIMEOUT", default=12 * 3600)
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_TIMEOUT
# Staff, reviewers and superusers; everyone else (applicants' drafts autosave).
SESSION_IDLE_TIMEOUT_PRIVILEGED = env.int("SESSION_IDLE_TIMEOUT_PRIVILEGED", default=30 * 60)
SESSION_IDLE_TIMEOUT = env.int("SESSION_IDLE_TIMEOUT", default=4 * 3600)

# --- Internationalisation -------------------------------------------------------------
LANGUAGE_CODE = "en"
# Portuguese serves the Lusophone partner countries (Mozambique, Angola, Cabo Verde...):
# European spelling, which reads naturally there.
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("es", _("Spanish")), ("pt", _("Portuguese"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Staff-written content: one column per language (title_en, title_fr, ...); a missing
# translation reads as the English text. Staff pages mark what is missing (portal/translated.py).
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
MODELTRANSLATION_AUTO_POPULATE = False
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Static and media -----------------------------------------------------------------
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
MEDIA_URL = "/media/"
# Uploaded files are private: they are never served from MEDIA_URL directly, only through
# views that check permissions first.
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "media")))
# Uploads and report files go through Django's storage API. With S3_BUCKET set (and the `s3`
# extra installed) they live in an S3-compatible store that web and workers on different hosts
# share; otherwise in MEDIA_ROOT. Files are private either way (no public ACL, signed URLs off:
# every download passes a permission check in the portal).
S3_BUCKET = env.str("S3_BUCKET", default="")
DEFAULT_STORAGE = (
    {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env.str("S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("S3_REGION", default="") or None,
            "access_key": env.str("S3_ACCESS_KEY", default="") or None,
            "secret_key": env.str("S3_SECRET_KEY", default="") or None,
            "default_acl": "private",
            "file_overwrite": False,
            "querystring_auth": True,
        },
    }
    if S3_BUCKET
    else {"BACKEND": "django.core.files.storage.FileSystemStorage"}
)
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# In development whitenoise serves straight from the source folders (no collectstatic needed).
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024

# --- Cache ----------------------------------------------------------------------------
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}

# --- E-mail ---------------------------------------------------------------------------
# EMAIL_URL, e.g. smtp+tls://user:password@smtp.example.org:587, sets every EMAIL_* setting.
globals().update(env.email("EMAIL_URL", default="consolemail://"))
# A hung mail server must not hold a worker: give up after this many seconds (the task retries).
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=20)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Local Democracy Portal <noreply@example.org>")
SERVER_EMAIL = env.str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)

# --- Celery ---------------------------------------------------------------------------
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
# Without a broker, tasks run in process so the portal works with no Redis at all.
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not CELERY_BROKER_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default=CELERY_BROKER_URL or None)
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# No task may run longer than this (seconds); e-mails take seconds, the largest PDF reports minutes.
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=540)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=600)
# A task taken by a worker that died is given to another worker after this many seconds
# (Redis's default is an hour). It must stay above the longest task, or a slow task runs twice.
CELERY_VISIBILITY_TIMEOUT = env.int("CELERY_VISIBILITY_TIMEOUT", default=900)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_VISIBILITY_TIMEOUT,
    # The lock a worker takes while it gives back dead workers' tasks: a worker killed while
    # holding it would otherwise block every give-back for kombu's default five minutes.
    "unacked_mutex_expire": min(60, CELERY_VISIBILITY_TIMEOUT),
}
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "UTC"
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE: dict = {
    # Selection: reminders before the review deadline; confirmation reminders and expiry of unconfirmed places.
    "selection-review-reminders": {"task": "selection.review_reminders_daily", "schedule": 6 * 3600},
    "selection-confirmations": {"task": "selection.confirmations_daily", "schedule": 6 * 3600},
    # Mentoring: the weekly digest of open and overdue coaching actions, Monday 06:00 UTC.
    "mentoring-action-digest": {
        "task": "mentoring.action_digest_weekly",
        "schedule": crontab(minute=0, hour=6, day_of_week="mon"),
    },
    # Change projects: progress-report reminders before and after the due date (intake's time zone).
    "change-projects-report-reminders": {"task": "change_projects.reports_daily", "schedule": 6 * 3600},
    # Reports: delete files past their retention (the job stays listed as expired).
    "reports-expire": {"task": "reports.expire_reports", "schedule": 6 * 3600},
    # Study visits: offers of freed places expire and pass to the next in line; the week-before e-mail.
    "study-visits-offers-expire": {"task": "study_visits.offers_expire", "schedule": 15 * 60},
    "study-visits-reminders": {"task": "study_visits.reminders_daily", "schedule": 6 * 3600},
}
# WeasyPrint's memory grows in a long-lived process: recycle each worker child after N tasks.
CELERY_WORKER_MAX_TASKS_PER_CHILD = env.int("CELERY_WORKER_MAX_TASKS_PER_CHILD", default=50)

# --- Forms ----------------------------------------------------------------------------
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Security -------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp): scripts only from our own static files, no inline
# script or on…= handler, no eval; nothing may frame the portal. Inline style attributes are
# still allowed (a few templates use them; they cannot run code).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_REFERRER_POLICY = "same-origin"
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # WeasyPrint logs every layout step at INFO; keep its warnings (refused URLs, missing fonts).
    "loggers": {"weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}

# --- Portal ---------------------------------------------------------------------------
# Empty: the translated default name is shown (see templates/base.html).
PORTAL_NAME = env.str("PORTAL_NAME", default="")
# The portal's public address, for links in e-mails sent from background tasks.
PORTAL_BASE_URL = env.str("PORTAL_BASE_URL", default="http://127.0.0.1:8000").rstrip("/")
# Add a Server-Timing header (total time, SQL time, query count) to every response; for benchmarks.
PORTAL_SERVER_TIMING = env.bool("PORTAL_SERVER_TIMING", default=False)
# Where people write with questions when a page names no programme (error pages, the home page);
# each programme can name its own address (Programme.contact_email).
PORTAL_CONTACT_EMAIL = env.str("PORTAL_CONTACT_EMAIL", default="programmes@example.org")
# The time zone a new intake starts with (staff can pick another per intake).
PORTAL_DEFAULT_TIME_ZONE = env.str("PORTAL_DEFAULT_TIME_ZONE", default="Europe/Stockholm")
# Largest attachment an applicant may upload, in bytes.
PORTAL_MAX_UPLOAD_BYTES = env.int("PORTAL_MAX_UPLOAD_BYTES", default=10 * 1024 * 1024)
# Days a generated report file is kept before it expires (it can always be made again).
PORTAL_REPORT_RETENTION_DAYS = env.int("PORTAL_REPORT_RETENTION_DAYS", default=30)
# Most files one application may have (mandate letter, CVs of the team, ...).
PORTAL_MAX_ATTACHMENTS_PER_APPLICATION = env.int("PORTAL_MAX_ATTACHMENTS_PER_APPLICATION", default=12)
