"""Saving an edit form: new content, a refused rename, or a conflict with someone else's save."""

from dataclasses import dataclass

from django.http import HttpRequest

from blueprints_ui.core.forms import SourceForm
from blueprints_ui.core.models import StaleRevision, StoredObject
from lifecycle.manifests import ManifestError


@dataclass(frozen=True, slots=True)
class Saved:
    obj: StoredObject | None = None
    outcome: str = ""
    conflict: StaleRevision | None = None


def save_form(request: HttpRequest, form: SourceForm, model: type[StoredObject]) -> Saved:
    """Store a valid form's manifest; base_revision 0 means the object must not exist yet."""
    try:
        obj, outcome = model.store(
            form.manifest,
            author=request.user,
            message=form.cleaned_data["message"],
            base_revision=form.cleaned_data["base_revision"],
        )
    except ManifestError as error:
        form.add_problem(error)
        return Saved()
    except StaleRevision as conflict:
        return Saved(conflict=conflict)
    return Saved(obj, outcome)
