from django.apps import AppConfig, apps
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class LinkjConfig(AppConfig):
    name = "linkj"
    verbose_name = _("LINK-J site")

    def ready(self) -> None:
        from . import cache
        from .roles import sync_roles_after_migrate

        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="linkj.sync_roles")
        cache.connect_signals()
        # django-axes names its admin section after its label ("Axes"), untranslatable.
        if apps.is_installed("axes"):
            apps.get_app_config("axes").verbose_name = _("Login throttling")
        name_translated_fields()


def name_translated_fields() -> None:
    """Every per-language field named 「本文［日本語］」 rather than modeltranslation's
    "body [ja]": forms get it from LanguageLabelsMixin, but read-only rows, change-list
    columns and error lists take the model field's own name. (Migrations are unaffected: a
    translation field deconstructs as the field it translates.)"""
    from modeltranslation.fields import TranslationField

    from .admin import translated_field_label

    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, TranslationField):
                field.verbose_name = translated_field_label(field)


class LinkjAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with the site of linkj/admin_site.py as `admin.site`."""

    default = False  # linkj's own app config stays LinkjConfig
    default_site = "linkj.admin_site.LinkjAdminSite"
