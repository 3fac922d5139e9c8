"""The Lint page: paste or upload YAML and read what the linter says; nothing is stored."""

from django.conf import settings
from django.views.decorators.http import require_http_methods

from blueprints_ui.core.htmx import render_page, wants_fragment
from blueprints_ui.lint.forms import LintForm
from blueprints_ui.lint.linting import marked_source, redact_secrets
from blueprints_ui.transfer.forms import universal_newlines
from lifecycle.lint import lint_text, summarize


@require_http_methods(["GET", "POST"])
def lint_check(request):
    """POST answers 200 with the results, whatever they found, and 422 when there is nothing
    to lint or the input is refused (over YAML_MAX_BYTES, not UTF-8, a bad Kasten version).
    htmx gets only the results fragment, swapped in below the form."""
    form = LintForm(request.POST, request.FILES) if request.method == "POST" else LintForm()
    context = {
        "form": form,
        "report": None,
        "max_bytes": settings.YAML_MAX_BYTES,
        # Only the full page shows the form again; the htmx fragment is just the results.
        "source": "" if wants_fragment(request) else _shown(request.POST.get("source", "")),
    }
    status = 200
    if request.method == "POST" and form.is_valid():
        path, text = form.input
        report = lint_text(text, path, form.options)
        context.update(
            report=report,
            counts=summarize([report]),
            options=form.options,
            source_html=marked_source(redact_secrets(text), report),
        )
    elif request.method == "POST":
        status = 422
    return render_page(request, "lint/lint_check.html", "lint/_results.html", context, status)


def _shown(pasted: str) -> str:
    """The pasted text as the form shows it again: Secrets masked, nothing if over the limit."""
    text = universal_newlines(pasted)
    if len(text.encode("utf-8", "surrogatepass")) > settings.YAML_MAX_BYTES:
        return ""
    return redact_secrets(text)
