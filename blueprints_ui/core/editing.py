"""Saving an edit form and answering it: saved, refused (422), or in conflict with another save."""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpRequest

from blueprints_ui.core.diffing import Row
from blueprints_ui.core.forms import SourceForm
from blueprints_ui.core.highlight import highlight_yaml
from blueprints_ui.core.htmx import redirect_to, render_page
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


def edit_response(
    request,
    templates: tuple[str, str],
    form: SourceForm,
    context: dict,
    current: StoredObject | None = None,
    conflict: StaleRevision | None = None,
    changes: list[Row] | None = None,
):
    """The edit page, or its form fragment for htmx: 422 for bad input, 409 for a stale base.

    After a conflict the form is based on `current`'s revision, so a deliberate second save
    of the merged text goes through.
    """
    if conflict and current is not None:
        form.data = form.data.copy()
        form.data["base_revision"] = current.revision
    source_html = None
    if form.problems:
        source = form.cleaned_data.get("source") or form.data["source"]
        source_html = highlight_yaml(source, form.problem_lines)
    context = {
        **context,
        "form": form,
        "conflict": conflict,
        "changes": changes,
        "source_html": source_html,
    }
    status = 409 if conflict else (422 if form.is_bound and form.errors else 200)
    return render_page(request, *templates, context, status)


def saved_response(request, obj: StoredObject, outcome: str, label: str):
    """Back to the object's page, saying what the save did."""
    if outcome == "unchanged":
        messages.info(request, "No changes to save.")
    else:
        messages.success(request, f"Saved {label} as revision {obj.revision}.")
    return redirect_to(request, obj.get_absolute_url())
