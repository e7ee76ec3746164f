from django.contrib.admin.apps import AdminConfig


class MagpostAdminConfig(AdminConfig):
    default_site = "magpost.admin.MagpostAdminSite"
