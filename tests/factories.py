"""factory_boy factories and small builders for stored objects."""

import factory
from django.contrib.auth import get_user_model

from blueprints_ui.transfer.stores import STORES
from lifecycle.manifests import read_manifest
from lifecycle.yamlpos import split_documents


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("correct horse battery staple")


def blueprint_yaml(
    name: str = "demo-bp", namespace: str = "kasten-io", action: str = "backupPrehook"
) -> str:
    return f"""apiVersion: cr.kanister.io/v1alpha1
kind: Blueprint
metadata:
  name: {name}
  namespace: {namespace}
actions:
  {action}:
    phases:
    - func: KubeTask
      name: {action}Phase
      args:
        namespace: "{{{{ .Object.metadata.namespace }}}}"
        image: busybox
        command: [sh, -c, "echo {action}"]
"""


def store_yaml(text: str, author=None, message: str = ""):
    """Store the single document in `text` through its model, as an import would."""
    split = split_documents(text, "test.yaml")
    assert not split.errors, split.errors
    (document,) = split.documents
    manifest = read_manifest(document)
    obj, _ = STORES[manifest.category].store(manifest, author=author, message=message)
    return obj
