"""A preview's template data is shaped as Kanister shapes param.TemplateParams."""

import yaml

from lifecycle.gotemplate.values import Int64, NilPointer, Struct, type_name
from lifecycle.template_data import PhaseSample, Sample, template_params

STATEFULSET = yaml.safe_load(
    """
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: pg, namespace: shop}
spec:
  replicas: 2
  template:
    spec:
      containers:
      - name: postgres
        volumeMounts: [{name: data, mountPath: /var/lib/postgresql}]
      - name: exporter
  volumeClaimTemplates:
  - metadata: {name: data}
"""
)
DEPLOYMENT = yaml.safe_load(
    """
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    spec:
      containers:
      - name: nginx
        volumeMounts: [{name: cache, mountPath: /cache}]
      volumes:
      - name: cache
        persistentVolumeClaim: {claimName: web-cache}
"""
)


def test_a_statefulset_gets_its_pods_containers_and_claims_from_its_spec():
    params = template_params(Sample("StatefulSet", STATEFULSET))
    workload = params.fields["StatefulSet"]
    assert isinstance(workload, Struct) and workload.pointer
    assert workload.fields["Name"] == "pg"
    assert workload.fields["Namespace"] == "shop"
    assert workload.fields["Pods"] == ["pg-0", "pg-1"]
    assert workload.fields["Containers"] == [["postgres", "exporter"], ["postgres", "exporter"]]
    assert workload.fields["PersistentVolumeClaims"] == {
        "pg-0": {"data-pg-0": "/var/lib/postgresql"},
        "pg-1": {"data-pg-1": "/var/lib/postgresql"},
    }
    assert type_name(workload.fields["PersistentVolumeClaims"]) == "map[string]map[string]string"


def test_only_the_objects_kind_gets_its_typed_parameter():
    params = template_params(Sample("StatefulSet", STATEFULSET)).fields
    for other in ("Deployment", "DeploymentConfig", "PVC", "Namespace"):
        assert isinstance(params[other], NilPointer), other
    assert type_name(params["Deployment"]) == "*param.DeploymentParams"


def test_a_deployment_claims_its_volumes_and_names_sample_pods():
    workload = template_params(Sample("deployment", DEPLOYMENT)).fields["Deployment"]
    [pod] = workload.fields["Pods"]
    assert pod.startswith("web-")
    assert workload.fields["PersistentVolumeClaims"] == {pod: {"web-cache": "/cache"}}


def test_a_namespace_subject_fills_name_and_namespace_from_the_namespace():
    params = template_params(Sample("namespace", namespace="shop")).fields
    assert params["Namespace"].fields == {"Name": "shop", "Namespace": "shop"}


def test_the_object_is_the_whole_manifest_with_int64_integers():
    obj = template_params(Sample("StatefulSet", STATEFULSET)).fields["Object"]
    assert obj["metadata"] == {"name": "pg", "namespace": "shop"}
    assert obj["spec"]["replicas"] == 2 and isinstance(obj["spec"]["replicas"], Int64)


def test_only_started_phases_are_in_phases_and_the_last_is_the_current_one():
    sample = Sample(
        "StatefulSet",
        STATEFULSET,
        phases=(
            PhaseSample("dump", secrets={"db": {"password": b"pass"}}, output={"path": "/x"}),
            PhaseSample("upload"),
        ),
    )
    params = template_params(sample).fields
    assert set(params["Phases"]) == {"dump", "upload"}
    dump = params["Phases"]["dump"].fields
    assert dump["Secrets"]["db"].fields["Data"]["password"] == b"pass"
    assert dump["Output"] == {"path": "/x"}
    assert params["CurrentPhase"] is params["Phases"]["upload"]
    assert params["Phases"]["upload"].fields["Output"] == {}


def test_without_a_profile_the_profile_is_a_nil_pointer():
    assert isinstance(template_params(Sample("StatefulSet")).fields["Profile"], NilPointer)
    profile = template_params(
        Sample("StatefulSet", profile={"location": {"type": "s3Compliant", "bucket": "b"}})
    ).fields["Profile"]
    assert profile.fields["Location"].fields["Bucket"] == "b"
