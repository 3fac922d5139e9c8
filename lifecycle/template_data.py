"""The data a Kanister template renders against (param.TemplateParams), built for a preview.

Kanister builds it from the ActionSet and the live cluster (shared/reference/kanister-templates.md
§1). A preview has a manifest instead of a cluster: the workload's pods, their containers and
their volume claims are derived from the manifest's spec the way its controller would create
them. Everything else (options, phase outputs, artifacts, Secret and ConfigMap data, the
profile, the time) is what the author types in.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from lifecycle.gotemplate.values import Int64, NilPointer, Struct, TypedList, TypedMap
from lifecycle.params import TEMPLATE_PARAMS, TYPED_PARAMS

PREVIEW_TIME = "2026-01-01T00:00:00.000000000Z"  # RFC3339Nano, as Kanister formats .Time
# ActionSet object kinds whose typed parameter lists pods (kind → field in TYPED_PARAMS).
_WORKLOAD_KINDS = ("statefulset", "deployment", "deploymentconfig")
_TYPED_FIELDS = ("StatefulSet", "DeploymentConfig", "Deployment", "PVC", "Namespace")
_POINTER_TYPES = {name: TEMPLATE_PARAMS.fields[name].go_name for name in _TYPED_FIELDS}
# Go's declaration order of TemplateParams' fields: it decides how `{{ . }}` prints.
_FIELD_ORDER = (
    "StatefulSet",
    "DeploymentConfig",
    "Deployment",
    "PVC",
    "Namespace",
    "ArtifactsIn",
    "ConfigMaps",
    "Secrets",
    "Time",
    "Profile",
    "Options",
    "Object",
    "Phases",
    "DeferPhase",
    "CurrentPhase",
    "PodOverride",
    "PodAnnotations",
    "PodLabels",
)


@dataclass(frozen=True, slots=True)
class PhaseSample:
    """One phase as a preview sees it: the Secrets and ConfigMaps its `objects` name (kind
    Secret data as bytes, ConfigMap data as text), and its output once it has run."""

    name: str
    secrets: Mapping[str, Mapping[str, bytes]] = field(default_factory=dict)
    config_maps: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    output: Mapping[str, object] | None = None


@dataclass(frozen=True, slots=True)
class Sample:
    """What the author gives a preview, for one action run against one object.

    `kind` is the ActionSet object kind (`statefulset`, `deployment`, `namespace`, `pvc`, or any
    other for a generic object); `manifest` the object as the API returns it. `phases` are the
    phases that have started, in order: the one being rendered last.
    """

    kind: str
    manifest: Mapping[str, object] | None = None
    namespace: str = ""  # for a namespace subject (hooks): its name
    options: Mapping[str, str] | None = None
    artifacts: Mapping[str, Mapping[str, str]] | None = None
    phases: tuple[PhaseSample, ...] = ()
    defer_phase: PhaseSample | None = None
    profile: Mapping[str, object] | None = None
    time: str = PREVIEW_TIME


def template_params(sample: Sample) -> Struct:
    """param.TemplateParams for the sample, field by field as Kanister fills it."""
    kind = sample.kind.lower()
    manifest = dict(sample.manifest or {})
    metadata = manifest.get("metadata") if isinstance(manifest.get("metadata"), dict) else {}
    name = str(metadata.get("name", ""))
    namespace = str(metadata.get("namespace", "")) or sample.namespace
    fields: dict[str, object] = {
        field_name: NilPointer(_POINTER_TYPES[field_name]) for field_name in _TYPED_FIELDS
    }
    if kind in _WORKLOAD_KINDS:
        field_name = TYPED_PARAMS[kind]
        fields[field_name] = _workload(_struct_type(field_name), manifest, name, namespace)
    elif kind == "pvc":  # Kanister knows only this spelling (not persistentvolumeclaim)
        fields["PVC"] = Struct(_struct_type("PVC"), {"Name": name, "Namespace": namespace}, True)
    elif kind == "namespace":
        # Kanister fills both from the ActionSet object's namespace, not from its name.
        fields["Namespace"] = Struct(
            _struct_type("Namespace"), {"Name": namespace, "Namespace": namespace}, True
        )
    phases = TypedMap(
        {phase.name: _phase(phase) for phase in sample.phases},
        type_name="map[string]*param.Phase",
        zero=NilPointer("*param.Phase"),
    )
    current = phases[sample.phases[-1].name] if sample.phases else NilPointer("*param.Phase")
    fields |= {
        "ArtifactsIn": _artifacts(sample.artifacts),
        "ConfigMaps": TypedMap(type_name="map[string]v1.ConfigMap", zero=_config_map({})),
        "Secrets": TypedMap(type_name="map[string]v1.Secret", zero=_secret({})),
        "Time": sample.time,
        "Profile": _profile(sample.profile),
        "Options": _strings(sample.options),
        "Object": _json(manifest) if sample.manifest is not None else {},
        "Phases": phases,
        "DeferPhase": _phase(sample.defer_phase or PhaseSample("")),
        "CurrentPhase": current if sample.defer_phase is None else NilPointer("*param.Phase"),
        "PodOverride": {},
        "PodAnnotations": _strings(None),
        "PodLabels": _strings(None),
    }
    return Struct("param.TemplateParams", {name: fields[name] for name in _FIELD_ORDER})


def _struct_type(field_name: str) -> str:
    """The struct a typed parameter points to: `param.StatefulSetParams` for `.StatefulSet`."""
    return _POINTER_TYPES[field_name].removeprefix("*")


def _workload(type_name: str, manifest: dict, name: str, namespace: str) -> Struct:
    """Pods, their containers and their claims, as the workload's controller would make them."""
    spec = manifest.get("spec") if isinstance(manifest.get("spec"), dict) else {}
    template = spec.get("template") if isinstance(spec.get("template"), dict) else {}
    pod_spec = template.get("spec") if isinstance(template.get("spec"), dict) else {}
    replicas = spec.get("replicas", 1)
    replicas = replicas if isinstance(replicas, int) and not isinstance(replicas, bool) else 1
    containers = [
        str(c.get("name", "")) for c in pod_spec.get("containers") or () if isinstance(c, dict)
    ]
    statefulset = type_name == "param.StatefulSetParams"
    pods = [
        f"{name}-{index}" if statefulset else f"{name}-{_SAMPLE_HASH}-{index:05d}"
        for index in range(replicas)
    ]
    claims = TypedMap(
        {
            pod: TypedMap(mounts, type_name="map[string]string", zero="")
            for pod in pods
            if (mounts := _claims(spec, pod_spec, name, pod, statefulset))
        },
        type_name="map[string]map[string]string",
        zero=TypedMap(type_name="map[string]string", zero=""),
    )
    return Struct(
        type_name,
        {
            "Name": name,
            "Namespace": namespace,
            "Pods": TypedList(pods, type_name="[]string"),
            "Containers": TypedList(
                [TypedList(containers, type_name="[]string") for _ in pods],
                type_name="[][]string",
            ),
            "PersistentVolumeClaims": claims,
        },
        True,
    )


# Deployment pods are named by their ReplicaSet's template hash and a random suffix, which a
# manifest does not hold: previews use this one, with the pod's index as the suffix.
_SAMPLE_HASH = "5d8f7c9b6"


def _claims(spec: dict, pod_spec: dict, name: str, pod: str, statefulset: bool) -> dict:
    """PVC name → mount path for one pod: claim templates (`<template>-<pod>`) and volumes."""
    volumes: dict[str, str] = {}  # volume name → claim name
    if statefulset:
        for claim in spec.get("volumeClaimTemplates") or ():
            if isinstance(claim, dict) and isinstance(claim.get("metadata"), dict):
                volume = str(claim["metadata"].get("name", ""))
                volumes[volume] = f"{volume}-{pod}"
    for volume in pod_spec.get("volumes") or ():
        source = volume.get("persistentVolumeClaim") if isinstance(volume, dict) else None
        if isinstance(source, dict) and source.get("claimName"):
            volumes[str(volume.get("name", ""))] = str(source["claimName"])
    mounts: dict[str, str] = {}
    for container in pod_spec.get("containers") or ():
        for mount in (container.get("volumeMounts") or ()) if isinstance(container, dict) else ():
            if isinstance(mount, dict) and mount.get("name") in volumes:
                mounts.setdefault(volumes[mount["name"]], str(mount.get("mountPath", "")))
    return mounts


def _phase(sample: PhaseSample) -> Struct:
    return Struct(
        "param.Phase",
        {
            "Secrets": TypedMap(
                {name: _secret(data) for name, data in sample.secrets.items()},
                type_name="map[string]v1.Secret",
                zero=_secret({}),
            ),
            "ConfigMaps": TypedMap(
                {name: _config_map(data) for name, data in sample.config_maps.items()},
                type_name="map[string]v1.ConfigMap",
                zero=_config_map({}),
            ),
            # A phase that printed no output has a nil map, which reads like an empty one.
            "Output": _json(dict(sample.output or {})),
        },
        True,
    )


def _secret(data: Mapping[str, bytes]) -> Struct:
    # v1.Secret's ObjectMeta fields are promoted; a preview leaves them empty.
    return Struct(
        "v1.Secret",
        {
            "Name": "",
            "Namespace": "",
            "Data": TypedMap(data, type_name="map[string][]uint8", zero=b""),
            "StringData": TypedMap(type_name="map[string]string", zero=""),
            "Type": "Opaque",
        },
    )


def _config_map(data: Mapping[str, str]) -> Struct:
    return Struct(
        "v1.ConfigMap",
        {
            "Name": "",
            "Namespace": "",
            "Data": TypedMap(data, type_name="map[string]string", zero=""),
            "BinaryData": TypedMap(type_name="map[string][]uint8", zero=b""),
        },
    )


def _artifacts(artifacts: Mapping[str, Mapping[str, str]] | None) -> TypedMap:
    def artifact(key_value: Mapping[str, str]) -> Struct:
        return Struct(
            "v1alpha1.Artifact",
            {"KeyValue": _strings(key_value), "KopiaSnapshot": ""},
        )

    return TypedMap(
        {name: artifact(values) for name, values in (artifacts or {}).items()},
        type_name="map[string]v1alpha1.Artifact",
        zero=artifact({}),
    )


def _profile(profile: Mapping[str, object] | None) -> Struct | NilPointer:
    """The resolved profile: location fields and key-pair credentials as Kanister hands them."""
    if profile is None:
        return NilPointer("*param.Profile")
    location = profile.get("location") if isinstance(profile.get("location"), dict) else {}
    credential = profile.get("credential") if isinstance(profile.get("credential"), dict) else {}
    return Struct(
        "param.Profile",
        {
            "Location": Struct(
                "v1alpha1.Location",
                {
                    go: str(location.get(json, ""))
                    for go, json in (
                        ("Type", "type"),
                        ("Bucket", "bucket"),
                        ("Endpoint", "endpoint"),
                        ("Prefix", "prefix"),
                        ("Region", "region"),
                    )
                },
            ),
            "Credential": Struct(
                "param.Credential",
                {
                    "Type": str(credential.get("type", "keyPair")),
                    "KeyPair": Struct(
                        "param.KeyPair",
                        {
                            "ID": str(credential.get("id", "")),
                            "Secret": str(credential.get("secret", "")),
                        },
                        True,
                    ),
                    "Secret": NilPointer("*v1.Secret"),
                    "KopiaServerSecret": NilPointer("*param.KopiaServerCreds"),
                },
            ),
            "SkipSSLVerify": bool(profile.get("skipSSLVerify", False)),
        },
        True,
    )


def _strings(values: Mapping[str, str] | None) -> TypedMap:
    return TypedMap(
        {str(k): str(v) for k, v in (values or {}).items()}, type_name="map[string]string", zero=""
    )


def _json(value: object) -> object:
    """An object as client-go's unstructured JSON holds it: integers are int64."""
    if isinstance(value, dict):
        return {str(k): _json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json(item) for item in value]
    if isinstance(value, int) and not isinstance(value, bool):
        return Int64(value)
    return value
