"""Kanister blueprints and their immutable revision history."""
