"""Lint runs: read files into a workspace, run every check, and locate what they found."""

import functools
from collections.abc import Callable, Sequence

from lifecycle.kinds import Category
from lifecycle.lint.checks import (
    action_names,
    functions,
    placement,
    references,
    structure,
    templates,
)
from lifecycle.lint.findings import FileReport, Finding, locate
from lifecycle.lint.options import Options
from lifecycle.lint.report import Reporter, Silent
from lifecycle.lint.rules import RULES, SLUGS
from lifecycle.lint.workspace import Workspace
from lifecycle.manifests import ManifestError, expand_list, read_manifest
from lifecycle.parsing import parse_blueprint
from lifecycle.yamlpos import Document, LineIndex, split_documents

BLUEPRINT_CHECKS = (structure, functions, action_names, placement, templates)
WORKSPACE_CHECKS = (references,)
_OTHER_KANISTER_KINDS = {"ActionSet", "Profile", "RepositoryServer"}

Source = tuple[str, str]  # (path, text)
DEFAULT_OPTIONS = Options()


def lint_files(
    files: Sequence[Source], options: Options = DEFAULT_OPTIONS, context: Sequence[Source] = ()
) -> list[FileReport]:
    """One report per file. `context` files (stored bindings, policies, inventory) inform the
    cross-object rules but get no report of their own."""
    workspace = Workspace()
    findings: list[list[Finding]] = []
    for path, text in files:
        findings.append([])
        _read(path, text, workspace, findings[-1])
    for path, text in context:
        _read(path, text, workspace, None)
    for blueprint, reporter in workspace.blueprints:
        if not isinstance(reporter, Silent):
            for check in BLUEPRINT_CHECKS:
                check.check(blueprint, reporter, options)
    for check in WORKSPACE_CHECKS:
        check.check(workspace, options)
    return [
        FileReport(path, locate(found, text, SLUGS))
        for (path, text), found in zip(files, findings, strict=True)
    ]


def lint_text(
    text: str,
    path: str = "<stdin>",
    options: Options = DEFAULT_OPTIONS,
    context: Sequence[Source] = (),
) -> FileReport:
    return lint_files([(path, text)], options, context)[0]


def _read(path: str, text: str, workspace: Workspace, findings: list[Finding] | None) -> None:
    split = split_documents(text, path)
    lines = functools.cache(lambda: LineIndex(text))  # needed only to place a broken document
    if findings is not None:
        for error in split.errors:
            start = lines().offset(error.position.line, error.position.column)
            findings.append(
                Finding(
                    "BP001",
                    RULES["BP001"].severity,
                    error.message,
                    "fix the YAML; documents after the next `---` are still checked",
                    start,
                    start + 1,
                )
            )
    for document in split.documents:
        for item in expand_list(document):
            _add(item, workspace, findings, lines, text)


def _add(
    document: Document,
    workspace: Workspace,
    findings: list[Finding] | None,
    lines: Callable[[], LineIndex],
    text: str,
) -> None:
    data = document.data
    label = _label(data)

    def reporter() -> Reporter:
        if findings is None:
            return Silent(document, label, text)
        return Reporter(document, label, findings, text)

    if not isinstance(data, dict):
        if data is not None:
            reporter()(
                "BP008",
                document.node,
                "a document must be a mapping with apiVersion and kind",
                "start the document with `apiVersion:` and `kind:`",
            )
        return
    if _looks_like_blueprint(data):
        report = reporter()
        structure.check_identity(document, report)
        workspace.blueprints.append((parse_blueprint(document, report), report))
        return
    try:
        manifest = read_manifest(document)
    except ManifestError as error:
        start = lines().offset(error.position.line, error.position.column)
        reporter().span("BP008", start, start + 1, error.message)
        return
    if manifest.category is not Category.UNKNOWN:
        workspace.add(manifest, reporter())


def _looks_like_blueprint(data: dict) -> bool:
    kind, api_version = data.get("kind"), data.get("apiVersion")
    if isinstance(kind, str) and kind.lower() == "blueprint":
        return True
    if isinstance(api_version, str) and api_version.startswith("cr.kanister.io"):
        return not (isinstance(kind, str) and kind in _OTHER_KANISTER_KINDS)
    return kind is None and "actions" in data


def _label(data) -> str:
    if not isinstance(data, dict):
        return ""
    kind = data.get("kind") if isinstance(data.get("kind"), str) else "Object"
    metadata = data.get("metadata") if isinstance(data.get("metadata"), dict) else {}
    name = metadata.get("name")
    return f"{kind}/{name}" if isinstance(name, str) and name else kind
