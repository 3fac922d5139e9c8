"""Saving an edit form: new content, a refused rename, or a conflict with someone else's save."""

from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpRequest

from blueprints_ui.core.forms import SourceForm
from blueprints_ui.core.models import StaleRevision, StoredObject
from lifecycle.manifests import ManifestError


@dataclass(frozen=True, slots=True)
class Saved:
    obj: StoredObject | None = None
    outcome: str = ""
    conflict: StaleRevision | None = None


def save_form(
    request: HttpRequest, form: SourceForm, model: type[StoredObject], obj: StoredObject | None
) -> Saved:
    """Replace `obj`'s content, or create a new object when `obj` is None (it must not exist)."""
    options = {"author": request.user, "message": form.cleaned_data["message"]}
    try:
        if obj is None:
            obj, outcome = model.store(form.manifest, base_revision=0, **options)
        else:
            outcome = obj.replace(
                form.manifest, base_revision=form.cleaned_data["base_revision"], **options
            )
    except ManifestError as error:
        form.add_problem(error)
        return Saved()
    except StaleRevision as conflict:
        return Saved(conflict=conflict)
    except ObjectDoesNotExist as gone:
        raise Http404(str(gone)) from None
    return Saved(obj, outcome)
