"""The settings page's form: one whole number of minutes per Helm timeout."""

from django import forms

from blueprints_ui.timeline.models import default_timeouts, timeout_problem

PREFIX = "timeout."


def field_name(setting: str) -> str:
    """`timeout.blueprintHooks` -> `blueprintHooks`: a form field name that is also a CSS id."""
    return setting.removeprefix(PREFIX)


class TimeoutsForm(forms.Form):
    base_revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for setting, minutes in default_timeouts().items():
            self.fields[field_name(setting)] = forms.IntegerField(
                label=setting,
                help_text=f"Kasten's default: {minutes} minutes.",
                error_messages={"invalid": "expected a whole number of minutes"},
            )

    def clean(self) -> dict:
        cleaned = super().clean()
        for setting in default_timeouts():
            name = field_name(setting)
            if name in cleaned and (problem := timeout_problem(setting, cleaned[name])):
                self.add_error(name, problem)
        return cleaned

    def timeouts(self) -> dict[str, int]:
        """Helm setting -> minutes, as entered."""
        return {setting: self.cleaned_data[field_name(setting)] for setting in default_timeouts()}

    def rows(self):
        """(setting, bound field) per timeout, in the order of lifecycle/operations/common.yaml."""
        return [(setting, self[field_name(setting)]) for setting in default_timeouts()]
