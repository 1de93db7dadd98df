from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo data and its commands; only development and test settings install it."""

    name = "demo"
    verbose_name = "Demo data"
