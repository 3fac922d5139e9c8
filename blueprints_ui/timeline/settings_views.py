"""The timeline settings page: the Helm timeouts the timelines show, edited with conflict checks."""

from django.contrib import messages
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from blueprints_ui.core.htmx import redirect_to, render_page
from blueprints_ui.core.models import StaleRevision
from blueprints_ui.timeline.forms import TimeoutsForm, field_name
from blueprints_ui.timeline.models import MAX_MINUTES, TimelineSettings

TEMPLATES = ("timeline_settings/settings_edit.html", "timeline_settings/_form.html")


@require_http_methods(["GET", "POST"])
def settings_edit(request):
    stored = TimelineSettings.current()
    initial = {field_name(s): m for s, m in stored.minutes().items()}
    form = TimeoutsForm(request.POST or None, initial={**initial, "base_revision": stored.revision})
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            TimelineSettings.save_timeouts(
                form.timeouts(), form.cleaned_data["base_revision"], request.user
            )
        except StaleRevision as stale:
            conflict, stored = stale, TimelineSettings.current()
            # A second save of the same values is then a deliberate choice over theirs.
            form.data = form.data.copy()
            form.data["base_revision"] = stored.revision
        else:
            messages.success(request, "Saved the timeline settings.")
            return redirect_to(request, reverse("timeline:settings"))
    status = 409 if conflict else (422 if form.is_bound and form.errors else 200)
    context = {"form": form, "stored": stored, "conflict": conflict, "max_minutes": MAX_MINUTES}
    return render_page(request, *TEMPLATES, context, status)
