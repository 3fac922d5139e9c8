import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


def ensure_admin() -> tuple[str, bool, str | None]:
    """The admin's user name, whether this call created it, and the password it generated."""
    users = get_user_model()
    if existing := users.objects.filter(is_superuser=True).order_by("pk").first():
        return existing.get_username(), False, None
    username = os.environ.get("DJANGO_SUPERUSER_USERNAME") or "admin"
    password = os.environ.get("DJANGO_SUPERUSER_PASSWORD")
    generated = None
    if not password:
        password = generated = secrets.token_urlsafe(12)
    users.objects.create_superuser(username=username, email="", password=password)
    return username, True, generated


class Command(BaseCommand):
    help = "Create an admin account unless one exists (DJANGO_SUPERUSER_USERNAME/_PASSWORD)."

    def handle(self, *args, **options):
        username, created, generated = ensure_admin()
        if generated:
            return (
                f"Created admin account {username!r} with password {generated} "
                "(shown only this once; change it under /admin/)."
            )
        if created:
            return f"Created admin account {username!r} with DJANGO_SUPERUSER_PASSWORD."
        return f"Admin account {username!r} is ready."
