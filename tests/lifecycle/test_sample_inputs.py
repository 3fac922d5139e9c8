"""Sample inputs name every option, artifact key, output and Secret key the templates read."""

from lifecycle.parsing import parse_blueprint
from lifecycle.sample_inputs import sample_inputs
from lifecycle.yamlpos import split_documents

BLUEPRINT = """\
kind: Blueprint
metadata: {name: pg}
actions:
  restore:
    inputArtifactNames: [dump]
    phases:
    - func: KubeTask
      name: fetch
      objects:
        db: {kind: Secret, name: "{{ .Options.secret }}", namespace: shop}
      args:
        command:
        - sh
        - -c
        - |
          {{ index .Phases.fetch.Secrets.db.Data "password" | toString }}
          {{ .ArtifactsIn.dump.KeyValue.path }} {{ .StatefulSet.Name }} {{ .Options.mode }}
    - func: KubeTask
      name: load
      args:
        command: ["{{ .Phases.fetch.Output.file }}", "{{ .DeferPhase.Output.done }}"]
    deferPhase:
      func: KubeTask
      name: cleanup
      args: {command: ["{{ .Phases.load.ConfigMaps.cfg.Data.x }} {{ if }}"]}
"""


def test_it_finds_what_every_template_reads():
    blueprint = parse_blueprint(split_documents(BLUEPRINT, "pg.yaml").documents[0])
    found = sample_inputs(blueprint.actions["restore"])
    assert found.options == {"secret": "sample-secret", "mode": "sample-mode"}
    assert found.artifacts == {"dump": {"path": "sample-path"}}
    assert found.secrets == {"fetch": {"db": {"password": b"sample-password"}}}
    assert found.outputs == {"fetch": {"file": "sample-file"}, "cleanup": {"done": "sample-done"}}
    assert found.config_maps == {}  # the only template reading it does not parse
    assert found.subjects == {"StatefulSet"}
