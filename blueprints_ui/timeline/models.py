"""The Helm timeouts the timelines show, as edited on the settings page."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone

from blueprints_ui.core.models import StaleRevision
from lifecycle.operations import default_timeouts

# A week: Kasten takes any number, but a timeout longer than that is a typing slip.
MAX_MINUTES = 7 * 24 * 60
SETTINGS_ROW = 1


def timeout_problem(setting: str, minutes: object) -> str:
    """Why a timeout cannot be used, or "" when it can."""
    if setting not in default_timeouts():
        return f"unknown setting {setting!r}: expected one of {', '.join(default_timeouts())}"
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        return f"expected a whole number of minutes, found {minutes!r}"
    if not 1 <= minutes <= MAX_MINUTES:
        return f"expected 1 to {MAX_MINUTES} minutes (a week), found {minutes}"
    return ""


class TimelineSettings(models.Model):
    """One row: the timeouts set here, by Helm setting name; unset ones keep Kasten's default."""

    timeouts = models.JSONField(default=dict, help_text="Helm setting name -> minutes.")
    revision = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = verbose_name_plural = "timeline settings"

    def __str__(self) -> str:
        return f"Timeline settings, revision {self.revision}"

    @classmethod
    def current(cls) -> "TimelineSettings":
        """The stored row, or an unsaved revision 0 holding the defaults."""
        return cls.objects.filter(pk=SETTINGS_ROW).first() or cls(pk=SETTINGS_ROW)

    def minutes(self) -> dict[str, int]:
        """Every Helm timeout, the stored value where there is one."""
        defaults = default_timeouts()
        return {**defaults, **{k: v for k, v in self.timeouts.items() if k in defaults}}

    def clean(self) -> None:
        problems = {
            setting: problem
            for setting, minutes in self.timeouts.items()
            if (problem := timeout_problem(setting, minutes))
        }
        if problems:
            raise ValidationError(problems)

    @classmethod
    @transaction.atomic
    def save_timeouts(
        cls, timeouts: dict[str, int], base_revision: int, user=None
    ) -> "TimelineSettings":
        """Store the timeouts as the next revision, unless someone saved since base_revision."""
        row = cls(pk=SETTINGS_ROW, timeouts=dict(timeouts), updated_by=user)
        row.full_clean(exclude=["revision"], validate_unique=False)
        if base_revision == 0:
            try:
                with transaction.atomic():
                    cls.objects.create(
                        pk=SETTINGS_ROW, timeouts=row.timeouts, revision=1, updated_by=user
                    )
            except IntegrityError:
                raise StaleRevision(current=cls.current().revision, base=0) from None
        else:
            updated = cls.objects.filter(pk=SETTINGS_ROW, revision=base_revision).update(
                timeouts=row.timeouts,
                revision=F("revision") + 1,
                updated_by=user,
                updated_at=timezone.now(),
            )
            if not updated:
                raise StaleRevision(current=cls.current().revision, base=base_revision)
        return cls.current()
