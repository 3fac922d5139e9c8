"""Blueprint Studio's Django project: persistence, pages and API around the `lifecycle` core."""
