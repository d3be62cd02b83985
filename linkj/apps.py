from django.apps import AppConfig
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


class LinkjAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with the site of linkj/admin_site.py as `admin.site`."""

    default = False  # linkj's own app config stays LinkjConfig
    default_site = "linkj.admin_site.LinkjAdminSite"
