"""Django settings, read from the environment (see docs/reference/configuration.md).

SQLite in ``MERITPASS_DATA_DIR`` by default; PostgreSQL when ``DATABASE_URL`` is set.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("MERITPASS_DATA_DIR", Path.cwd() / "var")).resolve()


def _flag(name: str, *, default: bool) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in {"1", "true", "yes", "on"}


def _secret_key() -> str:
    """Use MERITPASS_SECRET_KEY, or a key created once in the data directory with mode 0600."""
    configured = os.environ.get("MERITPASS_SECRET_KEY")
    if configured:
        return configured
    path = DATA_DIR / "secret_key"
    if not path.exists():
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


DEBUG = _flag("MERITPASS_DEBUG", default=False)
SECRET_KEY = _secret_key()
ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("MERITPASS_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
    if host.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "meritpass.site",
    "meritpass.taxonomy",
    "meritpass.accounts",
    "meritpass.audit",
    "meritpass.registry",
    "meritpass.catalog",
    "meritpass.issuing",
]

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:dashboard"
LOGOUT_REDIRECT_URL = "start"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
]

ROOT_URLCONF = "meritpass.site.urls"
WSGI_APPLICATION = "meritpass.site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
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

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{DATA_DIR / 'meritpass.sqlite3'}"),
        conn_max_age=int(os.environ.get("MERITPASS_DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the background worker share the file: wait for locks instead of failing,
    # take the write lock at the start of a transaction, and let readers run beside a writer.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Static files are served from the package, so a fresh install needs no collectstatic step.
WHITENOISE_USE_FINDERS = True

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = _flag("MERITPASS_SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("MERITPASS_LOG_LEVEL", "INFO")},
    # WeasyPrint reports every font and stylesheet it loads at INFO.
    "loggers": {"weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}

# Links in credentials, emails and DIDs are built from this address (scheme, host and port).
MERITPASS_PUBLIC_URL = os.environ.get("MERITPASS_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")
# Authority DIDs that anchor the trust chain, besides the authorities registered on this platform.
MERITPASS_TRUST_ANCHORS = [
    anchor.strip()
    for anchor in os.environ.get("MERITPASS_TRUST_ANCHORS", "").split(",")
    if anchor.strip()
]
# Where the key-encryption key lives when MERITPASS_KEY_ENCRYPTION_KEY is not set.
MERITPASS_KEK_FILE = DATA_DIR / "key_encryption_key"
# Demo mode (``make run``): the start page lists demo accounts and shows their one-time codes.
MERITPASS_DEMO = _flag("MERITPASS_DEMO", default=False)

# Background work (bulk issuing) runs as durable tasks in the database.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("MERITPASS_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# Processes that sign a large bulk job (default: one per CPU; 1 signs in the worker itself).
MERITPASS_SIGNING_PROCESSES = (
    int(os.environ["MERITPASS_SIGNING_PROCESSES"])
    if os.environ.get("MERITPASS_SIGNING_PROCESSES")
    else None
)

# Email: printed to the console unless an SMTP host is configured.
DEFAULT_FROM_EMAIL = os.environ.get("MERITPASS_EMAIL_FROM", "Meritpass <no-reply@meritpass.eu>")
if os.environ.get("MERITPASS_EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["MERITPASS_EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("MERITPASS_EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("MERITPASS_EMAIL_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("MERITPASS_EMAIL_PASSWORD", "")
    EMAIL_USE_TLS = _flag("MERITPASS_EMAIL_TLS", default=True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
