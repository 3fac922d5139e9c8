"""Linting as the dashboard offers it: the Lint page, `POST /api/lint` and `manage.py lint`."""
