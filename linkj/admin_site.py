"""The admin site every model registers with (see LinkjAdminConfig in linkj/apps.py).

- Its login form refuses user names no account can have (too long, control characters)
  before authentication runs, so django-axes never tries to store them; `axes_username`
  makes any name that still reaches axes storable.
- Every registered ModelAdmin, the project's and third parties' (auth, axes) alike, gets a
  change list that answers out-of-range date-hierarchy values the admin's usual way (the
  "?e=1" invalid-lookup page) instead of a 500.
"""

from __future__ import annotations

import datetime

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from linkj.middleware import CONTROL_CHARACTERS

# No real password is longer; hashing megabytes on every anonymous POST is wasted work.
PASSWORD_MAX_LENGTH = 4096


def validate_no_control_characters(value: str) -> None:
    if CONTROL_CHARACTERS.search(value):
        raise ValidationError(
            _("A user name cannot contain control characters."), code="control_characters"
        )


class AdminLoginForm(AdminAuthenticationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # AuthenticationForm sets max_length after construction, which adds no validator:
        # without one, a 5,000-character name reaches authenticate() and the failed-login
        # records (255 characters) of django-axes.
        username = self.fields["username"]
        username.validators += [
            MaxLengthValidator(username.max_length),
            validate_no_control_characters,
        ]
        password = self.fields["password"]
        password.max_length = PASSWORD_MAX_LENGTH
        password.validators.append(MaxLengthValidator(PASSWORD_MAX_LENGTH))


def axes_username(request, credentials: dict | None) -> str | None:
    """The user name django-axes records and keys lockouts on (AXES_USERNAME_CALLABLE).

    The login form already refuses impossible names; this covers any other authenticate()
    call: whatever arrives is made storable (no control characters, no lone surrogates, at
    most the 255 characters of axes' username column), the same way each time, so that
    lockouts still count.
    """
    field = settings.AXES_USERNAME_FORM_FIELD
    if credentials:
        value = credentials.get(field)
    else:
        value = getattr(request, "data", request.POST).get(field)
    if value is None:
        return None
    value = CONTROL_CHARACTERS.sub("\ufffd", str(value))
    value = value.encode("utf-8", "replace").decode("utf-8")
    return value[: AccessAttempt._meta.get_field("username").max_length]


class BoundedFilters:
    """For a ChangeList: out-of-range date-hierarchy values are invalid lookups, not 500s."""

    def get_filters(self, request):
        if self.date_hierarchy:
            year = request.GET.get(f"{self.date_hierarchy}__year")
            # Django computes the end of the period (the next year, month or day) and makes
            # both ends aware: years at the edges of what datetime holds overflow there.
            if year is not None and not _is_year_inside_datetime(year):
                raise IncorrectLookupParameters(f"Year out of range: {year[:20]!r}")
        try:
            return super().get_filters(request)
        except OverflowError as exc:
            raise IncorrectLookupParameters(exc) from exc


def _is_year_inside_datetime(value: str) -> bool:
    try:
        year = int(value)
    except ValueError:
        return True  # Django reports non-numbers itself.
    return datetime.MINYEAR < year < datetime.MAXYEAR


class BoundedChangeList(BoundedFilters, ChangeList):
    pass


_bounded: dict[type, type] = {}


class BoundedChangeListMixin:
    def get_changelist(self, request, **kwargs):
        # Wrap whatever change list the admin uses (the lean one, say), not replace it.
        base = super().get_changelist(request, **kwargs)
        if issubclass(base, BoundedFilters):
            return base
        if base not in _bounded:
            _bounded[base] = type(f"Bounded{base.__name__}", (BoundedFilters, base), {})
        return _bounded[base]


class LinkjAdminSite(admin.AdminSite):
    login_form = AdminLoginForm

    def register(self, model_or_iterable, admin_class=None, **options):
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, BoundedChangeListMixin):
            admin_class = type(
                admin_class.__name__,
                (BoundedChangeListMixin, admin_class),
                {"__module__": admin_class.__module__},
            )
        super().register(model_or_iterable, admin_class, **options)
