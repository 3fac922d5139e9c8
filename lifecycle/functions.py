"""The Kanister functions a phase can call: their arguments, argument shapes and outputs."""

import enum
from dataclasses import dataclass


class Shape(enum.StrEnum):
    """What an argument is decoded into (mapstructure's weak decoding)."""

    STRING = "a string"
    STRINGS = "a list of strings"
    MAP = "a mapping"
    INT = "an integer"
    BOOL = "true or false"
    ANY = "any value"


@dataclass(frozen=True, slots=True)
class Function:
    name: str
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()
    # Keys of the function's own output map; None for a shell function, whose outputs are what
    # its command prints with `kando output`.
    outputs: tuple[str, ...] | None = ()
    deprecated: str = ""

    @property
    def arguments(self) -> tuple[str, ...]:
        return self.required + self.optional

    def shape(self, argument: str) -> Shape:
        return _SHAPES.get(argument, Shape.ANY)


@dataclass(frozen=True, slots=True)
class RemovedFunction:
    name: str
    removed_in: str
    replacement: str


_SHAPES = {
    "namespace": Shape.STRING,
    "image": Shape.STRING,
    "command": Shape.STRINGS,
    "pod": Shape.STRING,
    "pods": Shape.STRING,
    "container": Shape.STRING,
    "containers": Shape.STRING,
    "name": Shape.STRING,
    "podOverride": Shape.MAP,
    "podLabels": Shape.MAP,
    "podAnnotations": Shape.MAP,
    "labels": Shape.MAP,
    "backupArtifactPrefix": Shape.STRING,
    "encryptionKey": Shape.STRING,
    "insecureTLS": Shape.BOOL,
    "reclaimSpace": Shape.BOOL,
    "failOnError": Shape.BOOL,
    "waitForReady": Shape.BOOL,
    "replicas": Shape.INT,
    "volumes": Shape.MAP,
    "objectReference": Shape.MAP,
    "conditions": Shape.MAP,
    "timeout": Shape.STRING,
    "spec": Shape.STRING,
    "operation": Shape.STRING,
    "accessModes": Shape.STRINGS,
    "initCommand": Shape.STRINGS,
    "backgroundCommand": Shape.STRINGS,
    "outputCommand": Shape.STRINGS,
}
_POD = ("podOverride", "podLabels", "podAnnotations")
_RESTIC = ("encryptionKey", "insecureTLS")
_AWS = ("credentialsSource", "credentialsSecret", "region")
_DATA_OUTPUTS = ("backupID", "backupTag", "fileCount", "size", "phySize", "version")
_KUBEOPS_OUTPUTS = ("apiVersion", "group", "resource", "kind", "name", "namespace")
_SNAPSHOT_OUTPUTS = ("name", "namespace", "restoreSize", "snapshotContent")

# From ../shared/reference/kanister-functions.md §5, Kanister main after 0.119.0.
FUNCTIONS = {
    f.name: f
    for f in (
        Function("KubeExec", ("namespace", "pod", "command"), ("container",),
                 outputs=None),
        Function("KubeExecAll", ("namespace", "pods", "containers", "command"),
                 outputs=None),
        Function("KubeTask", ("image", "command"), ("namespace", *_POD), outputs=None),
        Function(
            "MultiContainerRun",
            ("backgroundImage", "backgroundCommand", "outputImage", "outputCommand"),
            ("namespace", "initImage", "initCommand", "sharedVolumeMedium",
             "sharedVolumeSizeLimit", "sharedVolumeDir", *_POD),
            outputs=None,
        ),
        Function("KubeOps", ("operation",), ("spec", "namespace", "objectReference"),
                 outputs=_KUBEOPS_OUTPUTS),
        Function("ScaleWorkload", ("replicas",), ("namespace", "name", "kind", "waitForReady"),
                 outputs=("originalReplicaCount",)),
        Function("WaitV2", ("timeout", "conditions")),
        Function("Wait", ("timeout", "conditions"),
                 deprecated="use WaitV2: its conditions are Go templates over the object instead of "
                 "JSONPath substitutions"),
        Function("PrepareData", ("namespace", "image", "command"),
                 ("volumes", "serviceaccount", *_POD, "failOnError"), outputs=None),
        Function("CreateCSISnapshot", ("pvc", "namespace", "snapshotClass"), ("name", "labels"),
                 outputs=("name", "pvc", "namespace", "restoreSize", "snapshotContent")),
        Function("CreateCSISnapshotStatic",
                 ("name", "namespace", "driver", "snapshotHandle", "snapshotClass"),
                 outputs=_SNAPSHOT_OUTPUTS),
        Function("RestoreCSISnapshot", ("name", "pvc", "namespace", "storageClass", "restoreSize"),
                 ("accessModes", "volumeMode", "labels")),
        Function("DeleteCSISnapshot", ("name", "namespace")),
        Function("DeleteCSISnapshotContent", ("name",)),
        Function("BackupData",
                 ("namespace", "pod", "container", "includePath", "backupArtifactPrefix"),
                 _RESTIC, outputs=_DATA_OUTPUTS,
                 deprecated="it will be replaced by CopyVolumeData"),
        Function("BackupDataAll",
                 ("namespace", "container", "includePath", "backupArtifactPrefix"),
                 ("pods", *_RESTIC), outputs=("BackupAllInfo", "version"),
                 deprecated="it will be replaced by CopyVolumeData"),
        Function("RestoreData", ("namespace", "image", "backupArtifactPrefix"),
                 ("restorePath", "encryptionKey", "pod", "volumes", "backupTag",
                  "backupIdentifier", "backupPath", "podOverride", "insecureTLS",
                  "podAnnotations", "podLabels"), outputs=None),
        Function("RestoreDataAll", ("namespace", "image", "backupArtifactPrefix", "backupInfo"),
                 ("restorePath", "encryptionKey", "pods", "podOverride", "insecureTLS",
                  "podAnnotations", "podLabels")),
        Function("CopyVolumeData", ("namespace", "volume", "dataArtifactPrefix"),
                 ("image", "encryptionKey", "mountPath", "insecureTLS", *_POD),
                 outputs=("backupID", "backupRoot", "backupArtifactLocation", "backupTag",
                          "fileCount", "size", "phySize", "version")),
        Function("DeleteData", ("namespace", "backupArtifactPrefix"),
                 ("image", "backupID", "backupTag", "encryptionKey", "reclaimSpace",
                  "insecureTLS", *_POD),
                 outputs=("spaceFreed",)),
        Function("DeleteDataAll", ("namespace", "backupArtifactPrefix", "backupInfo"),
                 ("image", "encryptionKey", "reclaimSpace", "insecureTLS", *_POD)),
        Function("BackupDataStats", ("namespace", "backupArtifactPrefix", "backupID"),
                 ("image", "statsMode", "encryptionKey", *_POD),
                 outputs=("mode", "fileCount", "size", "version")),
        Function("CheckRepository", ("backupArtifactPrefix",),
                 ("image", "encryptionKey", "insecureTLS", *_POD),
                 outputs=("passwordIncorrect", "repoUnavailable", "version")),
        Function("LocationDelete", ("artifact",)),
        Function("CreateRDSSnapshot", ("instanceID",), ("dbEngine", *_AWS),
                 outputs=("snapshotID", "instanceID", "securityGroupID", "allocatedStorage",
                          "dbSubnetGroup")),
        Function("ExportRDSSnapshotToLocation",
                 ("namespace", "instanceID", "snapshotID", "dbEngine"),
                 ("username", "password", "backupArtifactPrefix", "databases", "securityGroupID",
                  "dbSubnetGroup", "podAnnotations", "podLabels", *_AWS),
                 outputs=("snapshotID", "instanceID", "securityGroupID", "backupID")),
        Function("RestoreRDSSnapshot", ("instanceID",),
                 ("snapshotID", "dbEngine", "backupArtifactPrefix", "backupID", "username",
                  "password", "namespace", "securityGroupID", "dbSubnetGroup", "podAnnotations",
                  "podLabels", *_AWS),
                 outputs=("endpoint",)),
        Function("DeleteRDSSnapshot", ("snapshotID",), ("dbEngine", *_AWS)),
    )
}  # fmt: skip

REMOVED_FUNCTIONS = {
    f.name: f
    for f in (
        RemovedFunction("DescribeBackups", "0.98.0", "BackupDataStats or CheckRepository"),
        RemovedFunction("CreateVolumeSnapshot", "0.115.0", "CreateCSISnapshot"),
        RemovedFunction("WaitForSnapshotCompletion", "0.115.0", "CreateCSISnapshot (it waits)"),
        RemovedFunction("CreateVolumeFromSnapshot", "0.115.0", "RestoreCSISnapshot"),
        RemovedFunction("DeleteVolumeSnapshot", "0.115.0", "DeleteCSISnapshot"),
        RemovedFunction("BackupDataUsingKopiaServer", "0.119.0", "CopyVolumeData"),
        RemovedFunction("RestoreDataUsingKopiaServer", "0.119.0", "RestoreData"),
        RemovedFunction("DeleteDataUsingKopiaServer", "0.119.0", "DeleteData"),
    )
}

# Values a literal argument must take; checked only when no template is involved.
CHOICES = {
    ("KubeOps", "operation"): ("create", "patch", "delete"),
    ("ScaleWorkload", "kind"): ("deployment", "statefulset", "deploymentconfig"),
    ("RestoreCSISnapshot", "volumeMode"): ("Filesystem", "Block"),
    ("MultiContainerRun", "sharedVolumeMedium"): ("", "Memory"),
}
CASE_INSENSITIVE_CHOICES = {("ScaleWorkload", "kind")}
CREDENTIAL_SOURCES = ("profile", "secret", "eks_service_account")
# Exactly one argument of each group must be given (checked at run time by Kanister).
ONE_OF = {
    "RestoreData": (("pod", "volumes"), ("backupTag", "backupIdentifier")),
    "DeleteData": (("backupID", "backupTag"),),
}
