"""Lint reports as text lines, JSON and SARIF 2.1.0."""

import json

from lifecycle.lint import RULES, Diagnostic, FileReport, Severity, lint_text
from lifecycle.lint.formats import as_json, as_sarif, as_text

UNKNOWN_ARGUMENT = Diagnostic(
    12,
    9,
    12,
    18,
    Severity.ERROR,
    "BP014",
    "unknown-argument",
    "KubeTask has no argument 'namespacee'",
    "did you mean `namespace`?",
    "Blueprint/mysql",
    "actions.backup.phases[0].args.namespacee",
)
DEPRECATED = Diagnostic(
    30,
    13,
    30,
    17,
    Severity.INFO,
    "BP012",
    "deprecated-function",
    "Wait is deprecated in the Kanister documentation",
    "",
    "Blueprint/k8ssandra",
    "actions.backup.phases[1].func",
)
OUTSIDE = Diagnostic(
    5,
    14,
    5,
    22,
    Severity.WARNING,
    "BP009",
    "blueprint-outside-kasten",
    "blueprint is in namespace 'kanister'",
    "set `metadata.namespace: kasten-io`",
    "Blueprint/time-log-bp",
    "metadata.namespace",
)
REPORTS = [
    FileReport("blueprints/mysql.yaml", [UNKNOWN_ARGUMENT, DEPRECATED]),
    FileReport("clean.yaml", []),
    FileReport("my blueprints/<stdin>", [OUTSIDE]),
]


class TestText:
    def test_each_diagnostic_is_one_line_with_its_hint_indented_below(self):
        assert as_text(REPORTS).splitlines() == [
            "blueprints/mysql.yaml:12:9: error BP014 KubeTask has no argument 'namespacee'",
            "    hint: did you mean `namespace`?",
            "blueprints/mysql.yaml:30:13: info BP012 "
            "Wait is deprecated in the Kanister documentation",
            "my blueprints/<stdin>:5:14: warning BP009 blueprint is in namespace 'kanister'",
            "    hint: set `metadata.namespace: kasten-io`",
        ]

    def test_the_text_ends_with_a_newline(self):
        text = as_text(REPORTS)
        assert text.endswith("\n") and not text.endswith("\n\n")

    def test_no_diagnostics_is_no_text(self):
        assert as_text([FileReport("clean.yaml", [])]) == ""


class TestJson:
    def test_every_file_is_listed_with_its_diagnostics_and_a_summary(self):
        data = as_json(REPORTS)
        assert [f["path"] for f in data["files"]] == [
            "blueprints/mysql.yaml",
            "clean.yaml",
            "my blueprints/<stdin>",
        ]
        assert data["files"][0]["diagnostics"][0] == UNKNOWN_ARGUMENT.as_dict()
        assert data["files"][1]["diagnostics"] == []
        assert data["summary"] == {"errors": 1, "warnings": 1, "infos": 1}

    def test_it_is_plain_json(self):
        assert json.loads(json.dumps(as_json(REPORTS))) == as_json(REPORTS)

    def test_a_diagnostic_carries_position_severity_code_and_where(self):
        (entry, _) = as_json(REPORTS)["files"][0]["diagnostics"]
        assert entry["line"] == 12
        assert entry["column"] == 9
        assert entry["end_line"] == 12
        assert entry["end_column"] == 18
        assert entry["severity"] == "error"
        assert entry["code"] == "BP014"
        assert entry["object"] == "Blueprint/mysql"
        assert entry["location"] == "actions.backup.phases[0].args.namespacee"


class TestSarif:
    def test_it_is_one_sarif_2_1_0_run_of_our_tool(self):
        sarif = as_sarif(REPORTS)
        assert sarif["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
        assert sarif["version"] == "2.1.0"
        (run,) = sarif["runs"]
        assert run["tool"]["driver"]["name"] == "Blueprint Studio lint"
        assert run["columnKind"] == "unicodeCodePoints"

    def test_the_driver_lists_every_rule_with_its_default_level(self):
        rules = as_sarif(REPORTS)["runs"][0]["tool"]["driver"]["rules"]
        assert [rule["id"] for rule in rules] == list(RULES)
        by_id = {rule["id"]: rule for rule in rules}
        assert by_id["BP014"] == {
            "id": "BP014",
            "name": "unknown-argument",
            "shortDescription": {"text": RULES["BP014"].summary},
            "defaultConfiguration": {"level": "error"},
        }
        assert by_id["BP012"]["defaultConfiguration"] == {"level": "note"}
        assert by_id["BP009"]["defaultConfiguration"] == {"level": "warning"}

    def test_a_result_names_its_rule_level_message_and_region(self):
        results = as_sarif(REPORTS)["runs"][0]["results"]
        assert len(results) == 3
        first = results[0]
        assert first["ruleId"] == "BP014"
        assert first["ruleIndex"] == list(RULES).index("BP014")
        assert first["level"] == "error"
        assert first["message"] == {
            "text": "KubeTask has no argument 'namespacee' (hint: did you mean `namespace`?)"
        }
        assert first["locations"] == [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": "blueprints/mysql.yaml"},
                    "region": {"startLine": 12, "startColumn": 9, "endLine": 12, "endColumn": 18},
                }
            }
        ]

    def test_info_is_a_note_and_a_message_without_hint_stands_alone(self):
        second = as_sarif(REPORTS)["runs"][0]["results"][1]
        assert second["level"] == "note"
        assert second["message"] == {"text": "Wait is deprecated in the Kanister documentation"}

    def test_paths_are_uri_references(self):
        third = as_sarif(REPORTS)["runs"][0]["results"][2]
        uri = third["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri == "my%20blueprints/%3Cstdin%3E"

    def test_results_keep_the_slug_and_object_in_their_properties(self):
        first = as_sarif(REPORTS)["runs"][0]["results"][0]
        assert first["properties"] == {
            "slug": "unknown-argument",
            "object": "Blueprint/mysql",
            "location": "actions.backup.phases[0].args.namespacee",
        }

    def test_a_clean_run_has_no_results_but_still_its_rules(self):
        sarif = as_sarif([FileReport("clean.yaml", [])])
        assert sarif["runs"][0]["results"] == []
        assert len(sarif["runs"][0]["tool"]["driver"]["rules"]) == len(RULES)


def test_the_formats_agree_on_a_real_lint_run():
    text = (
        "apiVersion: cr.kanister.io/v1alpha1\nkind: Blueprint\nmetadata:\n  name: bp\n"
        "  namespace: kasten-io\nactions:\n  backup:\n    phases:\n"
        "    - func: KubeExecc\n      name: dump\n      args: {}\n"
    )
    report = lint_text(text, "bp.yaml")
    unknown = [d for d in report.diagnostics if d.code == "BP010"]
    assert [(d.line, d.column) for d in unknown] == [(9, 13)]
    assert "bp.yaml:9:13: error BP010 unknown function 'KubeExecc'" in as_text([report])
    codes = [r["ruleId"] for r in as_sarif([report])["runs"][0]["results"]]
    assert codes == [d["code"] for d in as_json([report])["files"][0]["diagnostics"]]
