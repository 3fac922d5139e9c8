"""sprig v2.22.0's date functions, on Go's time package (gotime).

sprig swallows every error here: `toDate` gives the zero time for text its layout cannot read,
`dateModify` gives the time unchanged for a bad duration, `dateInZone` falls back to UTC for an
unknown zone, and a date argument of any type but time.Time or an integer (the string `.Time`
included) silently stands for the current time.
"""

from lifecycle.gotemplate import gotime
from lifecycle.gotemplate.callables import Function

_NS_PER_SECOND = 1_000_000_000
_HTML_DATE = "2006-01-02"


def _time_of(date: object) -> gotime.GoTime:
    """The time a sprig date argument stands for."""
    if isinstance(date, gotime.GoTime):
        return date
    if isinstance(date, int) and not isinstance(date, bool):
        return gotime.unix(date)  # Unix seconds: int, int32 and int64 alike
    return gotime.now()


def date_in_zone(layout: str, date: object, zone: str) -> str:
    try:
        location = gotime.load_location(zone)
    except gotime.LocationError:
        location = gotime.UTC
    return gotime.format(_time_of(date).in_location(location), layout)


def date(layout: str, date: object) -> str:
    return date_in_zone(layout, date, "Local")


def html_date(date: object) -> str:
    return date_in_zone(_HTML_DATE, date, "Local")


def html_date_in_zone(date: object, zone: str) -> str:
    return date_in_zone(_HTML_DATE, date, zone)


def to_date(layout: str, text: str) -> gotime.GoTime:
    try:
        return gotime.parse(layout, text, gotime.LOCAL)
    except gotime.TimeParseError:
        return gotime.ZERO_TIME


def date_modify(duration: str, date: gotime.GoTime) -> gotime.GoTime:
    try:
        return date.add(gotime.parse_duration(duration))
    except gotime.DurationParseError:
        return date


def _round_to_second(ns: int) -> int:
    """Duration.Round(time.Second): halves away from zero, saturating at Go's limits."""
    seconds, rest = divmod(abs(ns), _NS_PER_SECOND)
    if rest * 2 >= _NS_PER_SECOND:
        seconds += 1
    rounded = seconds * _NS_PER_SECOND if ns >= 0 else -seconds * _NS_PER_SECOND
    return min(max(rounded, -(1 << 63)), (1 << 63) - 1)


def ago(date: object) -> str:
    # Unlike dateInZone, sprig's dateAgo does not take int32: only int and int64 are seconds.
    return gotime.format_duration(_round_to_second(gotime.since(_time_of(date))))


def unix_epoch(date: gotime.GoTime) -> str:
    return str(date.unix())


FUNCTIONS = {
    f.name: f
    for f in (
        Function("toDate", ("string", "string"), to_date),
        Function("date", ("string", "interface {}"), date),
        Function("now", (), gotime.now, varies=True),
        Function("dateInZone", ("string", "interface {}", "string"), date_in_zone),
        Function("date_in_zone", ("string", "interface {}", "string"), date_in_zone),
        Function("dateModify", ("string", "time.Time"), date_modify),
        Function("date_modify", ("string", "time.Time"), date_modify),
        Function("htmlDate", ("interface {}",), html_date),
        Function("htmlDateInZone", ("interface {}", "string"), html_date_in_zone),
        Function("ago", ("interface {}",), ago, varies=True),
        Function("unixEpoch", ("time.Time",), unix_epoch),
    )
}
