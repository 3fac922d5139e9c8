"""Kanister's template parameters: the top-level names, their Go types and the fields they have."""

from dataclasses import dataclass

# A type is a struct (fields by name), a map (any key, one element type), or a leaf.
ANY = "any"  # free-form JSON (.Object, .PodOverride, phase outputs): every path may exist
STRING = "string"


@dataclass(frozen=True, slots=True)
class Struct:
    go_name: str
    fields: dict[str, object]


@dataclass(frozen=True, slots=True)
class MapOf:
    element: object


_META = {
    name: ANY
    for name in ("Name", "Namespace", "Labels", "Annotations", "UID", "ObjectMeta", "TypeMeta")
}
WORKLOAD_FIELDS = {
    "Name": STRING,
    "Namespace": STRING,
    "Pods": ANY,
    "Containers": ANY,
    "PersistentVolumeClaims": ANY,
}
SECRET = Struct("v1.Secret", {"Data": MapOf("bytes"), "StringData": ANY, "Type": STRING, **_META})
CONFIG_MAP = Struct("v1.ConfigMap", {"Data": MapOf(STRING), "BinaryData": ANY, **_META})
PHASE = Struct(
    "*param.Phase", {"Secrets": MapOf(SECRET), "ConfigMaps": MapOf(CONFIG_MAP), "Output": ANY}
)
ARTIFACT = Struct("param.Artifact", {"KeyValue": MapOf(STRING), "KopiaSnapshot": STRING})
PROFILE = Struct(
    "*param.Profile",
    {
        "Location": Struct(
            "crv1alpha1.Location",
            {f: STRING for f in ("Type", "Bucket", "Endpoint", "Prefix", "Region")},
        ),
        "Credential": Struct(
            "param.Credential",
            {
                "Type": STRING,
                "KeyPair": Struct("*param.KeyPair", {"ID": STRING, "Secret": STRING}),
                "Secret": ANY,
                "KopiaServerSecret": ANY,
            },
        ),
        "SkipSSLVerify": ANY,
    },
)
TEMPLATE_PARAMS = Struct(
    "param.TemplateParams",
    {
        "StatefulSet": Struct("*param.StatefulSetParams", WORKLOAD_FIELDS),
        "Deployment": Struct("*param.DeploymentParams", WORKLOAD_FIELDS),
        "DeploymentConfig": Struct("*param.DeploymentConfigParams", WORKLOAD_FIELDS),
        "PVC": Struct("*param.PVCParams", {"Name": STRING, "Namespace": STRING}),
        "Namespace": Struct("*param.NamespaceParams", {"Name": STRING, "Namespace": STRING}),
        "Object": ANY,
        "ArtifactsIn": MapOf(ARTIFACT),
        "ConfigMaps": MapOf(CONFIG_MAP),
        "Secrets": MapOf(SECRET),
        "Time": STRING,
        "Profile": PROFILE,
        "Options": MapOf(STRING),
        "Phases": MapOf(PHASE),
        "DeferPhase": PHASE,
        "CurrentPhase": PHASE,
        "PodOverride": ANY,
        "PodAnnotations": MapOf(STRING),
        "PodLabels": MapOf(STRING),
    },
)
# Parameters Kanister had once; a template naming them fails on current releases.
REMOVED_PARAMS = {"RepositoryServer": "0.119.0"}
# The typed workload parameter each ActionSet object kind fills (case-insensitive kinds).
TYPED_PARAMS = {
    "statefulset": "StatefulSet",
    "deployment": "Deployment",
    "deploymentconfig": "DeploymentConfig",
    "pvc": "PVC",
    "persistentvolumeclaim": "PVC",
    "namespace": "Namespace",
}
