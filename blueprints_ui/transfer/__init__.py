"""YAML in and out: multi-document import, kubectl-ready export, and the demo data."""
