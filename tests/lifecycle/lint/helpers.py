"""Small builders for lint tests: a blueprint around some actions, and what the linter says."""

import textwrap

from lifecycle.lint import Options, Profile, lint_text


def blueprint(actions: str, *, name: str = "demo", namespace: str = "kasten-io") -> str:
    """A complete Blueprint document whose `actions:` block is `actions` (dedented)."""
    body = textwrap.indent(textwrap.dedent(actions).strip("\n"), "  ")
    return (
        "apiVersion: cr.kanister.io/v1alpha1\n"
        "kind: Blueprint\n"
        f"metadata:\n  name: {name}\n  namespace: {namespace}\n"
        f"actions:\n{body}\n"
    )


def diagnostics(text: str, profile: str = "kasten", kasten_version: str = "8.5"):
    options = Options(profile=Profile(profile), kasten_version=kasten_version)
    return lint_text(text, "bp.yaml", options).diagnostics


def found(text: str, code: str, **options) -> list:
    return [d for d in diagnostics(text, **options) if d.code == code]
