"""Go's time package as sprig's date functions and fmt use it: Time, Location, Format, Parse,
ParseDuration and Duration.String, byte for byte (a port of Go's time/format.go).

A GoTime holds what a Go time.Time holds: an instant (Unix seconds and nanoseconds, any year
Go can parse, year 0 included), a location, and for `now()` a monotonic clock reading, which
Go prints as ` m=+0.001234567` and which takes part in `==`.
"""

import contextlib
import functools
import os
import struct
import time as _pytime
import zoneinfo
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC as _PY_UTC
from datetime import datetime, timedelta

_NS_PER_SECOND = 1_000_000_000
_SECONDS_PER_DAY = 86_400
_MIN_DURATION = -(1 << 63)
_MAX_DURATION = (1 << 63) - 1


# ---------------------------------------------------------------------------------------------
# Locations


@dataclass(frozen=True, slots=True, eq=False)
class Location:
    """A Go *time.Location. Compared by identity, as Go compares the pointer in `t1 == t2`.

    `zones` are the (abbreviation, offset) pairs the location knows, in Go's order: they answer
    "which offset does MST have here" when parsing. `tz` is set for IANA zones, whose offset at an
    instant comes from the tz database; other locations always use `zones[0]` (or UTC).
    """

    name: str
    zones: tuple[tuple[str, int], ...] = ()
    tz: zoneinfo.ZoneInfo | None = field(default=None, repr=False)

    def lookup(self, unix_sec: int) -> tuple[str, int]:
        """The zone abbreviation and offset (seconds east of UTC) in effect at an instant."""
        if self.tz is not None:
            return _lookup_tz(self.tz, unix_sec)
        if self.zones:
            return self.zones[0]
        return ("UTC", 0)

    def lookup_name(self, abbreviation: str, unix_sec: int) -> int | None:
        """Go's Location.lookupName: the offset of a zone abbreviation, preferring the zone that
        is in effect at the instant (Sydney's standard and summer time are both "EST")."""
        for name, offset in self.zones:
            if name == abbreviation:
                in_effect, in_effect_offset = self.lookup(unix_sec - offset)
                if in_effect == name:
                    return in_effect_offset
        for name, offset in self.zones:
            if name == abbreviation:
                return offset
        return None


UTC = Location("UTC")
# Go's Local is UTC in a controller pod (/etc/localtime is Etc/UTC or absent); it is still a
# location of its own: `time.Unix` and `toDate` results are in Local, not UTC.
LOCAL = Location("Local", (("UTC", 0),))

_UNNAMED_HOUR_ZONES = {hour: Location("", (("", hour * 3600),)) for hour in range(-12, 15)}


def fixed_zone(name: str, offset: int) -> Location:
    """Go's time.FixedZone, which shares one location per unnamed whole-hour offset."""
    if name == "" and offset % 3600 == 0 and -12 <= offset // 3600 <= 14:
        return _UNNAMED_HOUR_ZONES[offset // 3600]
    return Location(name, ((name, offset),))


class LocationError(Exception):
    """time.LoadLocation failed; the message is Go's."""


def load_location(name: str) -> Location:
    """Go's time.LoadLocation: "" and "UTC" are UTC, "Local" is Local, else the tz database.

    Each call makes a new location, as Go does, so times in two loads of one zone are not `==`.
    """
    if name in ("", "UTC"):
        return UTC
    if name == "Local":
        return LOCAL
    if ".." in name or name[0] in "/\\":
        raise LocationError("time: invalid location name")
    try:
        tz = zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        raise LocationError(f"unknown time zone {name}") from None
    return Location(name, _tzif_zones(name), tz)


_PY_MIN_UNIX = int(
    (datetime(1, 1, 2, tzinfo=_PY_UTC) - datetime(1970, 1, 1, tzinfo=_PY_UTC)).total_seconds()
)
_PY_MAX_UNIX = int(
    (datetime(9999, 12, 30, tzinfo=_PY_UTC) - datetime(1970, 1, 1, tzinfo=_PY_UTC)).total_seconds()
)
_PY_EPOCH = datetime(1970, 1, 1, tzinfo=_PY_UTC)


def _lookup_tz(tz: zoneinfo.ZoneInfo, unix_sec: int) -> tuple[str, int]:
    # Python's datetime stops at years 1 and 9999; the zone in effect before the first transition
    # (or after the last rule change) is the same a day inside those bounds.
    clamped = min(max(unix_sec, _PY_MIN_UNIX), _PY_MAX_UNIX)
    local = (_PY_EPOCH + timedelta(seconds=clamped)).astimezone(tz)
    return local.tzname() or "", int(local.utcoffset().total_seconds())


@functools.cache
def _tzif_zones(name: str) -> tuple[tuple[str, int], ...]:
    """The zone types of a TZif file's 64-bit section, in file order, as Go loads them."""
    for directory in zoneinfo.TZPATH:
        path = os.path.join(directory, name)
        if os.path.isfile(path):
            with open(path, "rb") as file:
                return _tzif_types(file.read())
    return ()


def _tzif_types(data: bytes) -> tuple[tuple[str, int], ...]:
    def counts(at: int) -> tuple[int, ...]:
        return struct.unpack(">6l", data[at + 20 : at + 44])

    isut, isstd, leap, times, types, chars = counts(0)
    start = 44
    time_size = 4
    if data[4:5] >= b"2":
        start += times * 5 + types * 6 + chars + leap * 8 + isstd + isut + 44
        isut, isstd, leap, times, types, chars = counts(start - 44)
        time_size = 8
    types_at = start + times * (time_size + 1)
    chars_at = types_at + types * 6
    zones = []
    for index in range(types):
        offset, _dst, name_at = struct.unpack(
            ">lBB", data[types_at + index * 6 : types_at + index * 6 + 6]
        )
        name_end = data.index(b"\0", chars_at + name_at)
        zones.append((data[chars_at + name_at : name_end].decode("ascii"), offset))
    return tuple(zones)


# ---------------------------------------------------------------------------------------------
# Civil dates (proleptic Gregorian, any year), after Howard Hinnant's algorithms


def _days_from_civil(year: int, month: int, day: int) -> int:
    """Days since 1970-01-01."""
    year -= month <= 2
    era = year // 400
    year_of_era = year - era * 400
    day_of_year = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146097 + day_of_era - 719468


def _civil_from_days(days: int) -> tuple[int, int, int]:
    days += 719468
    era = days // 146097
    day_of_era = days - era * 146097
    year_of_era = (
        day_of_era - day_of_era // 1460 + day_of_era // 36524 - day_of_era // 146096
    ) // 365
    day_of_year = day_of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    shifted_month = (5 * day_of_year + 2) // 153
    day = day_of_year - (153 * shifted_month + 2) // 5 + 1
    month = shifted_month + 3 if shifted_month < 10 else shifted_month - 9
    return year_of_era + era * 400 + (month <= 2), month, day


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in(month: int, year: int) -> int:
    if month == 2:
        return 29 if _is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


_DAYS_BEFORE = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365)


# ---------------------------------------------------------------------------------------------
# Time


# Go packs a monotonic reading beside wall seconds counted from 1885 in 33 bits; a time that
# moves outside that window loses its monotonic reading (Time.addSec).
_MONO_WALL_START = _days_from_civil(1885, 1, 1) * _SECONDS_PER_DAY
_MONO_WALL_END = _MONO_WALL_START + (1 << 33) - 1


@dataclass(frozen=True, slots=True, eq=False)
class GoTime:
    """A Go time.Time.

    `==` is Go's `==` on time.Time (what text/template's `eq` uses): the same instant, the same
    location pointer, and the same monotonic reading or none. Two parses of "-0700" share a
    location, two of "-0730" do not; `now()` differs from the same instant read back by `toDate`.
    """

    go_type_name = "time.Time"

    unix_sec: int
    nsec: int = 0
    location: Location = UTC
    monotonic: int | None = None  # nanoseconds since the process started, as Go reads it

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, GoTime):
            return NotImplemented
        return (
            self.unix_sec == other.unix_sec
            and self.nsec == other.nsec
            and self.location is other.location
            and self.monotonic == other.monotonic
        )

    def __hash__(self) -> int:
        return hash((self.unix_sec, self.nsec, id(self.location), self.monotonic))

    def unix(self) -> int:
        """Time.Unix."""
        return self.unix_sec

    def in_location(self, location: Location) -> "GoTime":
        """Time.In (which also drops the monotonic reading)."""
        return GoTime(self.unix_sec, self.nsec, location)

    def add(self, ns: int) -> "GoTime":
        """Time.Add of a Duration in nanoseconds."""
        seconds, nsec = _trunc_divmod(ns, _NS_PER_SECOND)
        nsec += self.nsec
        if nsec >= _NS_PER_SECOND:
            seconds, nsec = seconds + 1, nsec - _NS_PER_SECOND
        elif nsec < 0:
            seconds, nsec = seconds - 1, nsec + _NS_PER_SECOND
        unix_sec = self.unix_sec + seconds
        monotonic = self.monotonic
        if monotonic is not None:
            if _MONO_WALL_START <= unix_sec <= _MONO_WALL_END and (
                _MIN_DURATION <= monotonic + ns <= _MAX_DURATION
            ):
                monotonic += ns
            else:
                monotonic = None
        return GoTime(unix_sec, nsec, self.location, monotonic)

    def sub(self, other: "GoTime") -> int:
        """Time.Sub in nanoseconds, by the monotonic clock when both have a reading."""
        if self.monotonic is not None and other.monotonic is not None:
            return _saturate(self.monotonic - other.monotonic)
        return _saturate((self.unix_sec - other.unix_sec) * _NS_PER_SECOND + self.nsec - other.nsec)

    def go_string(self) -> str:
        """Time.String."""
        text = format(self, "2006-01-02 15:04:05.999999999 -0700 MST")
        if self.monotonic is None:
            return text
        sign = "-" if self.monotonic < 0 else "+"
        seconds, nanoseconds = divmod(abs(self.monotonic), _NS_PER_SECOND)
        return f"{text} m={sign}{seconds}.{nanoseconds:09d}"


def _trunc_divmod(a: int, b: int) -> tuple[int, int]:
    """Go's `/` and `%` on integers, which truncate toward zero."""
    quotient = abs(a) // b
    if a < 0:
        quotient = -quotient
    return quotient, a - quotient * b


def _saturate(ns: int) -> int:
    return min(max(ns, _MIN_DURATION), _MAX_DURATION)


ZERO_TIME = GoTime(_days_from_civil(1, 1, 1) * _SECONDS_PER_DAY, 0, UTC)

# Go's monotonic clock starts just before main runs; +1 keeps the first reading positive.
_PROCESS_START_NS = _pytime.monotonic_ns() - 1


# Where now() reads the time: the system's clock, or a fixed instant while a preview checks
# whether a template's output depends on when it runs.
_clock: ContextVar[Callable[[], int]] = ContextVar("clock", default=_pytime.time_ns)


@contextlib.contextmanager
def frozen_clock(unix_ns: int) -> Iterator[None]:
    """now() is this instant (nanoseconds since the epoch) inside the block."""
    token = _clock.set(lambda: unix_ns)
    try:
        yield
    finally:
        _clock.reset(token)


def now() -> GoTime:
    """time.Now: the current time in Local, with a monotonic reading."""
    ns = _clock.get()()
    return GoTime(
        ns // _NS_PER_SECOND,
        ns % _NS_PER_SECOND,
        LOCAL,
        _pytime.monotonic_ns() - _PROCESS_START_NS,
    )


def unix(seconds: int) -> GoTime:
    """time.Unix(seconds, 0): an instant given in Unix seconds, in Local."""
    return GoTime(seconds, 0, LOCAL)


def since(t: GoTime) -> int:
    """time.Since in nanoseconds."""
    return now().sub(t)


def date(
    year: int, month: int, day: int, hour: int, minute: int, second: int, nsec: int, loc: Location
) -> GoTime:
    """time.Date for fields already in range (day may overflow its month, as Go allows)."""
    extra_years, month_index = divmod(month - 1, 12)
    days = _days_from_civil(year + extra_years, month_index + 1, 1) + day - 1
    local = days * _SECONDS_PER_DAY + hour * 3600 + minute * 60 + second
    # Go looks the offset up at the local clock reading taken as UTC, then again at the
    # corrected instant if that first guess is not zero (time.Date).
    offset = loc.lookup(local)[1]
    if offset != 0:
        offset = loc.lookup(local - offset)[1]
    return GoTime(local - offset, nsec, loc)


def _local_fields(t: GoTime) -> tuple[str, int, int, int]:
    """The zone name and offset in effect, days since 1970 and seconds into that day."""
    name, offset = t.location.lookup(t.unix_sec)
    days, seconds = divmod(t.unix_sec + offset, _SECONDS_PER_DAY)
    return name, offset, days, seconds


# ---------------------------------------------------------------------------------------------
# Layouts


_LONG_MONTH = "January"
_MONTH = "Jan"
_NUM_MONTH = "1"
_ZERO_MONTH = "01"
_LONG_WEEKDAY = "Monday"
_WEEKDAY = "Mon"
_DAY = "2"
_UNDER_DAY = "_2"
_ZERO_DAY = "02"
_UNDER_YEAR_DAY = "__2"
_ZERO_YEAR_DAY = "002"
_HOUR = "15"
_HOUR12 = "3"
_ZERO_HOUR12 = "03"
_MINUTE = "4"
_ZERO_MINUTE = "04"
_SECOND = "5"
_ZERO_SECOND = "05"
_LONG_YEAR = "2006"
_YEAR = "06"
_PM = "PM"
_LOWER_PM = "pm"
_TZ = "MST"
_ISO_TZ = "Z0700"
_ISO_SECONDS_TZ = "Z070000"
_ISO_SHORT_TZ = "Z07"
_ISO_COLON_TZ = "Z07:00"
_ISO_COLON_SECONDS_TZ = "Z07:00:00"
_NUM_TZ = "-0700"
_NUM_SECONDS_TZ = "-070000"
_NUM_SHORT_TZ = "-07"
_NUM_COLON_TZ = "-07:00"
_NUM_COLON_SECONDS_TZ = "-07:00:00"
_FRAC0 = ".0"  # a fraction with trailing zeros; the chunk carries its width and separator
_FRAC9 = ".9"  # a fraction without trailing zeros

_ZERO_PREFIXED = {"1": _ZERO_MONTH, "2": _ZERO_DAY, "3": _ZERO_HOUR12, "4": _ZERO_MINUTE,
                  "5": _ZERO_SECOND, "6": _YEAR}  # fmt: skip
_ZONE_ELEMENTS = {
    "-": (_NUM_SECONDS_TZ, _NUM_COLON_SECONDS_TZ, _NUM_TZ, _NUM_COLON_TZ, _NUM_SHORT_TZ),
    "Z": (_ISO_SECONDS_TZ, _ISO_COLON_SECONDS_TZ, _ISO_TZ, _ISO_COLON_TZ, _ISO_SHORT_TZ),
}
_ISO_ZONES = frozenset(_ZONE_ELEMENTS["Z"])
_COLON_ZONES = frozenset(
    (_ISO_COLON_TZ, _NUM_COLON_TZ, _ISO_COLON_SECONDS_TZ, _NUM_COLON_SECONDS_TZ)
)
_SHORT_ZONES = frozenset((_NUM_SHORT_TZ, _ISO_SHORT_TZ))
_SECONDS_ZONES = frozenset(
    (_ISO_SECONDS_TZ, _NUM_SECONDS_TZ, _NUM_COLON_SECONDS_TZ, _ISO_COLON_SECONDS_TZ)
)


@dataclass(frozen=True, slots=True)
class _Chunk:
    """A layout element: `kind` is its canonical spelling; a fraction has digits and separator."""

    kind: str
    text: str  # as written in the layout
    digits: int = 0
    separator: str = "."


def _next_chunk(layout: str) -> tuple[str, _Chunk | None, str]:
    """Go's nextStdChunk: the literal text before the first layout element, the element, and
    the rest. Lower-case letters after "Jan" and "Mon" make them literal ("Janet", "Month")."""
    length = len(layout)
    for i, c in enumerate(layout):
        found = None
        if c == "J" and layout.startswith("Jan", i):
            if layout.startswith("January", i):
                found = _LONG_MONTH
            elif not _starts_lower(layout, i + 3):
                found = _MONTH
        elif c == "M":
            if layout.startswith("Mon", i):
                if layout.startswith("Monday", i):
                    found = _LONG_WEEKDAY
                elif not _starts_lower(layout, i + 3):
                    found = _WEEKDAY
            if found is None and layout.startswith("MST", i):
                found = _TZ
        elif c == "0":
            if i + 1 < length and "1" <= layout[i + 1] <= "6":
                found = _ZERO_PREFIXED[layout[i + 1]]
            elif layout.startswith("002", i):
                found = _ZERO_YEAR_DAY
        elif c == "1":
            found = _HOUR if layout.startswith("15", i) else _NUM_MONTH
        elif c == "2":
            found = _LONG_YEAR if layout.startswith("2006", i) else _DAY
        elif c == "_":
            if layout.startswith("_2", i):
                if layout.startswith("_2006", i):  # a literal "_" before the year
                    return layout[: i + 1], _Chunk(_LONG_YEAR, "2006"), layout[i + 5 :]
                found = _UNDER_DAY
            elif layout.startswith("__2", i):
                found = _UNDER_YEAR_DAY
        elif c in "345":
            found = {"3": _HOUR12, "4": _MINUTE, "5": _SECOND}[c]
        elif c == "P" and layout.startswith("PM", i):
            found = _PM
        elif c == "p" and layout.startswith("pm", i):
            found = _LOWER_PM
        elif c in _ZONE_ELEMENTS:
            found = next((z for z in _ZONE_ELEMENTS[c] if layout.startswith(z, i)), None)
        elif c in ".," and i + 1 < length and layout[i + 1] in "09":
            end = i + 1
            while end < length and layout[end] == layout[i + 1]:
                end += 1
            # The digits must end the run: "05.0001" is not a fraction.
            if not (end < length and layout[end].isascii() and layout[end].isdigit()):
                kind = _FRAC0 if layout[i + 1] == "0" else _FRAC9
                return layout[:i], _Chunk(kind, layout[i:end], end - i - 1, c), layout[end:]
        if found is not None:
            return layout[:i], _Chunk(found, found), layout[i + len(found) :]
    return layout, None, ""


def _starts_lower(text: str, at: int) -> bool:
    return at < len(text) and "a" <= text[at] <= "z"


_LONG_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July",
                     "August", "September", "October", "November", "December")  # fmt: skip
_LONG_DAY_NAMES = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")


def _append_int(value: int, width: int) -> str:
    """Go's appendInt: zero-padded to `width` digits after any minus sign."""
    digits = str(abs(value)).rjust(width, "0")
    return "-" + digits if value < 0 else digits


def _format_fraction(nsec: int, chunk: _Chunk) -> str:
    trim = chunk.kind == _FRAC9
    if trim and (chunk.digits == 0 or nsec == 0):
        return ""
    digits = f"{nsec:09d}"[: chunk.digits]
    if trim:
        digits = digits.rstrip("0")
        if not digits:
            return ""
    return chunk.separator + digits


def _format_offset(kind: str, offset: int) -> str:
    if offset == 0 and kind in _ISO_ZONES:
        return "Z"
    minutes = _trunc_divmod(offset, 60)[0]
    # Go flips the seconds' sign only with the minutes': -30s prints "+0000-30" in Go, and so here.
    seconds = -offset if minutes < 0 else offset
    text = "-" if minutes < 0 else "+"
    minutes = abs(minutes)
    text += _append_int(minutes // 60, 2)
    if kind in _COLON_ZONES:
        text += ":"
    if kind not in _SHORT_ZONES:
        text += _append_int(minutes % 60, 2)
    if kind in _SECONDS_ZONES:
        if kind in (_NUM_COLON_SECONDS_TZ, _ISO_COLON_SECONDS_TZ):
            text += ":"
        text += _append_int(_trunc_divmod(seconds, 60)[1], 2)
    return text


def format(t: GoTime, layout: str) -> str:
    """Go's Time.Format."""
    name, offset, days, seconds = _local_fields(t)
    year, month, day = _civil_from_days(days)
    hour, minute, second = seconds // 3600, seconds // 60 % 60, seconds % 60
    out = []
    while layout:
        prefix, chunk, layout = _next_chunk(layout)
        out.append(prefix)
        if chunk is None:
            break
        kind = chunk.kind
        if kind == _YEAR:
            out.append(_append_int(abs(year) % 100, 2))
        elif kind == _LONG_YEAR:
            out.append(_append_int(year, 4))
        elif kind == _MONTH:
            out.append(_LONG_MONTH_NAMES[month - 1][:3])
        elif kind == _LONG_MONTH:
            out.append(_LONG_MONTH_NAMES[month - 1])
        elif kind == _NUM_MONTH:
            out.append(str(month))
        elif kind == _ZERO_MONTH:
            out.append(_append_int(month, 2))
        elif kind in (_WEEKDAY, _LONG_WEEKDAY):
            weekday = _LONG_DAY_NAMES[(days + 4) % 7]  # 1970-01-01 was a Thursday
            out.append(weekday if kind == _LONG_WEEKDAY else weekday[:3])
        elif kind == _DAY:
            out.append(str(day))
        elif kind == _UNDER_DAY:
            out.append(str(day).rjust(2))
        elif kind == _ZERO_DAY:
            out.append(_append_int(day, 2))
        elif kind in (_UNDER_YEAR_DAY, _ZERO_YEAR_DAY):
            year_day = days - _days_from_civil(year, 1, 1) + 1
            out.append(str(year_day).rjust(3, " " if kind == _UNDER_YEAR_DAY else "0"))
        elif kind == _HOUR:
            out.append(_append_int(hour, 2))
        elif kind in (_HOUR12, _ZERO_HOUR12):
            out.append(_append_int(hour % 12 or 12, 2 if kind == _ZERO_HOUR12 else 0))
        elif kind in (_MINUTE, _ZERO_MINUTE):
            out.append(_append_int(minute, 2 if kind == _ZERO_MINUTE else 0))
        elif kind in (_SECOND, _ZERO_SECOND):
            out.append(_append_int(second, 2 if kind == _ZERO_SECOND else 0))
        elif kind == _PM:
            out.append("PM" if hour >= 12 else "AM")
        elif kind == _LOWER_PM:
            out.append("pm" if hour >= 12 else "am")
        elif kind == _TZ:
            out.append(name if name else _format_offset(_NUM_TZ, offset))
        elif kind in (_FRAC0, _FRAC9):
            out.append(_format_fraction(t.nsec, chunk))
        else:
            out.append(_format_offset(kind, offset))
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# Parsing times


class TimeParseError(ValueError):
    """time.Parse failed; str() is Go's ParseError message."""


class _Bad(Exception):
    """Go's errBad: a value element does not fit its layout element."""


def _quote(text: bytes) -> str:
    """Go's time.quote: double-quoted, with every byte outside printable ASCII as \\xNN."""
    out = ['"']
    for byte in text:
        if byte >= 0x80 or byte < 0x20:
            out.append(f"\\x{byte:02x}")
        else:
            if byte in b'"\\':
                out.append("\\")
            out.append(chr(byte))
    out.append('"')
    return "".join(out)


def _parse_error(
    layout: bytes, value: bytes, layout_elem: bytes, value_elem: bytes
) -> TimeParseError:
    return TimeParseError(
        f"parsing time {_quote(value)} as {_quote(layout)}: "
        f"cannot parse {_quote(value_elem)} as {_quote(layout_elem)}"
    )


def _is_digit(text: bytes, at: int) -> bool:
    return at < len(text) and 0x30 <= text[at] <= 0x39


def _leading_int(text: bytes) -> tuple[int, bytes]:
    """Go's leadingInt: the leading digits as an unsigned 64-bit number."""
    value = 0
    at = 0
    while at < len(text) and _is_digit(text, at):
        if value > (1 << 63) // 10:
            raise _Bad
        value = value * 10 + text[at] - 0x30
        if value > 1 << 63:
            raise _Bad
        at += 1
    return value, text[at:]


def _atoi(text: bytes) -> int:
    """Go's time.atoi: an optional sign, then digits and nothing else."""
    negative = text[:1] == b"-"
    if text[:1] in (b"-", b"+"):
        text = text[1:]
    value, rest = _leading_int(text)
    if rest:
        raise _Bad
    return -value if negative else value


def _getnum(text: bytes, fixed: bool) -> tuple[int, bytes]:
    """One or two digits; exactly two when `fixed`."""
    if not _is_digit(text, 0):
        raise _Bad
    if not _is_digit(text, 1):
        if fixed:
            raise _Bad
        return text[0] - 0x30, text[1:]
    return (text[0] - 0x30) * 10 + text[1] - 0x30, text[2:]


def _getnum3(text: bytes, fixed: bool) -> tuple[int, bytes]:
    """One to three digits; exactly three when `fixed`."""
    count = 0
    while count < 3 and _is_digit(text, count):
        count += 1
    if count == 0 or (fixed and count != 3):
        raise _Bad
    return int(text[:count]), text[count:]


def _skip(value: bytes, prefix: bytes) -> tuple[bytes, bool]:
    """Remove a literal prefix from the value; a run of spaces matches any run of spaces.

    On a mismatch, what is left of the value is returned too: Go's error message quotes it."""
    while prefix:
        if prefix[:1] == b" ":
            if value and value[:1] != b" ":
                return value, False
            prefix = prefix.lstrip(b" ")
            value = value.lstrip(b" ")
            continue
        if not value or value[0] != prefix[0]:
            return value, False
        prefix, value = prefix[1:], value[1:]
    return value, True


def _lookup_name(names: tuple[str, ...], value: bytes) -> tuple[int, bytes]:
    """The first name the value starts with, ignoring ASCII case."""
    for index, name in enumerate(names):
        candidate = value[: len(name)]
        if (
            len(candidate) == len(name)
            and candidate.isascii()
            and (candidate.decode("ascii").lower() == name.lower())
        ):
            return index, value[len(name) :]
    raise _Bad


def _parse_nanoseconds(value: bytes, nbytes: int) -> tuple[int, str]:
    """A separator and digits as nanoseconds, and the name of any field out of range."""
    if value[:1] not in (b".", b","):
        raise _Bad
    nbytes = min(nbytes, 10)
    ns = _atoi(value[1:nbytes])
    if ns < 0:
        return 0, "fractional second"
    return ns * 10 ** (10 - nbytes), ""


def _parse_time_zone(value: bytes) -> int:
    """Go's parseTimeZone: the length of a zone abbreviation at the start of value, or 0."""
    if len(value) < 3:
        return 0
    if value[:4] in (b"ChST", b"MeST"):
        return 4
    if value[:3] == b"GMT":
        return 3 + (_parse_signed_offset(value[3:]) if len(value) > 3 else 0)
    if value[:1] in (b"+", b"-"):
        return _parse_signed_offset(value)
    upper = 0
    while upper < 6 and upper < len(value) and 0x41 <= value[upper] <= 0x5A:
        upper += 1
    if upper == 3:
        return 3
    if upper == 4 and (value[3:4] == b"T" or value[:4] == b"WITA"):
        return 4
    if upper == 5 and value[4:5] == b"T":
        return 5
    return 0


def _parse_signed_offset(value: bytes) -> int:
    """The length of a signed hour offset from -23 to +23 ("+03", "-4"), or 0."""
    if value[:1] not in (b"+", b"-"):
        return 0
    try:
        hours, rest = _leading_int(value[1:])
    except _Bad:
        return 0
    if rest == value[1:] or hours > 23:
        return 0
    return len(value) - len(rest)


def _parse_zone_offset(kind: str, value: bytes) -> tuple[int, str, bytes]:
    """A numeric zone offset: seconds east, the name of a field out of range, and the rest."""
    if kind in _COLON_ZONES and kind not in _SECONDS_ZONES:
        if len(value) < 6 or value[3:4] != b":":
            raise _Bad
        sign, hour, minute, second, rest = value[:1], value[1:3], value[4:6], b"00", value[6:]
    elif kind in _SHORT_ZONES:
        if len(value) < 3:
            raise _Bad
        sign, hour, minute, second, rest = value[:1], value[1:3], b"00", b"00", value[3:]
    elif kind in _COLON_ZONES:
        if len(value) < 9 or value[3:4] != b":" or value[6:7] != b":":
            raise _Bad
        sign, hour, minute, second, rest = value[:1], value[1:3], value[4:6], value[7:9], value[9:]
    elif kind in _SECONDS_ZONES:
        if len(value) < 7:
            raise _Bad
        sign, hour, minute, second, rest = value[:1], value[1:3], value[3:5], value[5:7], value[7:]
    else:
        if len(value) < 5:
            raise _Bad
        sign, hour, minute, second, rest = value[:1], value[1:3], value[3:5], b"00", value[5:]
    # Go reads the three numbers and checks their ranges before it reports any bad digit or
    # sign, so "+99xx" is an hour out of range rather than a value that does not fit.
    numbers = [0, 0, 0]
    bad = False
    try:
        for index, digits in enumerate((hour, minute, second)):
            numbers[index] = _getnum(digits, True)[0]
    except _Bad:
        bad = True
    hours, minutes, seconds = numbers
    # Go tests with > rather than >=: some write offsets of 24 hours or 60 minutes.
    out_of_range = ""
    if hours > 24:
        out_of_range = "time zone offset hour"
    if minutes > 60:
        out_of_range = "time zone offset minute"
    if seconds > 60:
        out_of_range = "time zone offset second"
    if out_of_range:
        return 0, out_of_range, rest
    if bad or sign not in (b"+", b"-"):
        raise _Bad
    offset = (hours * 60 + minutes) * 60 + seconds
    if sign == b"-":
        offset = -offset
    return offset, out_of_range, rest


@dataclass(slots=True)
class _Fields:
    """What a parse has read so far; -1 marks a field the value did not give."""

    year: int = 0
    month: int = -1
    day: int = -1
    year_day: int = -1
    hour: int = 0
    minute: int = 0
    second: int = 0
    nsec: int = 0
    am: bool = False
    pm: bool = False
    zone: Location | None = None  # set by "Z" or "UTC"
    zone_offset: int = -1
    zone_name: str = ""


_SHORT_MONTH_NAMES = tuple(name[:3] for name in _LONG_MONTH_NAMES)
_SHORT_DAY_NAMES = tuple(name[:3] for name in _LONG_DAY_NAMES)


def _parse_element(
    chunk: _Chunk, value: bytes, rest_of_layout: str, read: _Fields
) -> tuple[bytes, str]:
    """Read one layout element from the value into `read`: the rest of the value and the name of
    a field out of range ("" when none). Raises _Bad when the value does not fit."""
    kind = chunk.kind
    out_of_range = ""
    if kind == _YEAR:
        if len(value) < 2:
            raise _Bad
        year = _atoi(value[:2])
        read.year = year + (1900 if year >= 69 else 2000)  # Unix time starts in 1969 in some zones
        value = value[2:]
    elif kind == _LONG_YEAR:
        if len(value) < 4 or not _is_digit(value, 0):
            raise _Bad
        read.year, value = _atoi(value[:4]), value[4:]
    elif kind in (_MONTH, _LONG_MONTH):
        names = _SHORT_MONTH_NAMES if kind == _MONTH else _LONG_MONTH_NAMES
        month, value = _lookup_name(names, value)
        read.month = month + 1
    elif kind in (_NUM_MONTH, _ZERO_MONTH):
        read.month, value = _getnum(value, kind == _ZERO_MONTH)
        if not 0 < read.month <= 12:
            out_of_range = "month"
    elif kind in (_WEEKDAY, _LONG_WEEKDAY):
        # The day of the week is checked for spelling only.
        value = _lookup_name(_SHORT_DAY_NAMES if kind == _WEEKDAY else _LONG_DAY_NAMES, value)[1]
    elif kind in (_DAY, _UNDER_DAY, _ZERO_DAY):
        if kind == _UNDER_DAY and value[:1] == b" ":
            value = value[1:]
        # Any one or two digits: the day is checked against the month at the end.
        read.day, value = _getnum(value, kind == _ZERO_DAY)
    elif kind in (_UNDER_YEAR_DAY, _ZERO_YEAR_DAY):
        for _ in range(2):
            if kind == _UNDER_YEAR_DAY and value[:1] == b" ":
                value = value[1:]
        read.year_day, value = _getnum3(value, kind == _ZERO_YEAR_DAY)
    elif kind == _HOUR:
        read.hour, value = _getnum(value, False)
        if read.hour >= 24:
            out_of_range = "hour"
    elif kind in (_HOUR12, _ZERO_HOUR12):
        read.hour, value = _getnum(value, kind == _ZERO_HOUR12)
        if read.hour > 12:
            out_of_range = "hour"
    elif kind in (_MINUTE, _ZERO_MINUTE):
        read.minute, value = _getnum(value, kind == _ZERO_MINUTE)
        if read.minute >= 60:
            out_of_range = "minute"
    elif kind in (_SECOND, _ZERO_SECOND):
        read.second, value = _getnum(value, kind == _ZERO_SECOND)
        if read.second >= 60:
            return value, "second"
        # A fraction may follow the seconds even when the layout has none.
        if len(value) >= 2 and value[:1] in (b".", b",") and _is_digit(value, 1):
            following = _next_chunk(rest_of_layout)[1]
            if following is None or following.kind not in (_FRAC0, _FRAC9):
                digits = 2
                while _is_digit(value, digits):
                    digits += 1
                read.nsec, out_of_range = _parse_nanoseconds(value, digits)
                value = value[digits:]
    elif kind in (_PM, _LOWER_PM):
        if len(value) < 2:
            raise _Bad
        marker, value = value[:2], value[2:]
        if marker == (b"PM" if kind == _PM else b"pm"):
            read.pm = True
        elif marker == (b"AM" if kind == _PM else b"am"):
            read.am = True
        else:
            raise _Bad
    elif kind in _ISO_ZONES and value[:1] == b"Z":
        value, read.zone = value[1:], UTC
    elif kind in _ISO_ZONES or kind in _ZONE_ELEMENTS["-"]:
        read.zone_offset, out_of_range, value = _parse_zone_offset(kind, value)
    elif kind == _TZ:
        if value[:3] == b"UTC":
            value, read.zone = value[3:], UTC
        else:
            length = _parse_time_zone(value)
            if length == 0:
                raise _Bad
            read.zone_name, value = value[:length].decode("ascii"), value[length:]
    elif kind == _FRAC0:
        # A fraction with zeros in the layout needs exactly that many digits.
        width = 1 + chunk.digits
        if len(value) < width:
            raise _Bad
        read.nsec, out_of_range = _parse_nanoseconds(value, width)
        value = value[width:]
    elif kind == _FRAC9 and len(value) >= 2 and value[:1] in (b".", b",") and _is_digit(value, 1):
        # Any number of digits, even more than the layout asks for, as after seconds.
        digits = 1
        while _is_digit(value, digits):
            digits += 1
        read.nsec, out_of_range = _parse_nanoseconds(value, digits)
        value = value[digits:]
    return value, out_of_range


def parse(layout: str, value: str, location: Location = UTC) -> GoTime:
    """Go's time.ParseInLocation: a time with no zone in the value is in `location`, and a zone
    offset or abbreviation that `location` uses at that time gives a time in `location`."""
    # Go slices the value by bytes, and its messages show what is left of them.
    whole_layout, whole_value = layout.encode(), value.encode()
    read = _Fields()
    rest = layout
    remaining = whole_value
    while True:
        prefix, chunk, suffix = _next_chunk(rest)
        remaining, matched = _skip(remaining, prefix.encode())
        if not matched:
            raise _parse_error(whole_layout, whole_value, prefix.encode(), remaining)
        if chunk is None:
            if remaining:
                raise TimeParseError(
                    f"parsing time {_quote(whole_value)}: extra text: {_quote(remaining)}"
                )
            break
        rest = suffix
        hold = remaining
        try:
            remaining, out_of_range = _parse_element(chunk, remaining, rest, read)
        except _Bad:
            raise _parse_error(whole_layout, whole_value, chunk.text.encode(), hold) from None
        if out_of_range:
            raise TimeParseError(f"parsing time {_quote(whole_value)}: {out_of_range} out of range")
    return _resolve(read, whole_value, location)


def _resolve(read: _Fields, value: bytes, location: Location) -> GoTime:
    """Turn the fields read into a time, as the end of Go's time.parse does."""

    def fail(message: str) -> TimeParseError:
        return TimeParseError(f"parsing time {_quote(value)}: {message}")

    hour = read.hour
    if read.pm and hour < 12:
        hour += 12
    elif read.am and hour == 12:
        hour = 0
    month, day = read.month, read.day
    if read.year_day >= 0:
        year_day, year_day_month, year_day_day = read.year_day, 0, 0
        if _is_leap(read.year):
            if year_day == 31 + 29:
                year_day_month, year_day_day = 2, 29
            elif year_day > 31 + 29:
                year_day -= 1
        if year_day < 1 or year_day > 365:
            raise fail("day-of-year out of range")
        if year_day_month == 0:
            year_day_month = (year_day - 1) // 31 + 1
            if _DAYS_BEFORE[year_day_month] < year_day:
                year_day_month += 1
            year_day_day = year_day - _DAYS_BEFORE[year_day_month - 1]
        if month >= 0 and month != year_day_month:
            raise fail("day-of-year does not match month")
        if day >= 0 and day != year_day_day:
            raise fail("day-of-year does not match day")
        month, day = year_day_month, year_day_day
    else:
        month = 1 if month < 0 else month
        day = 1 if day < 0 else day
    if day < 1 or day > _days_in(month, read.year):
        raise fail("day out of range")

    wall_clock = (read.year, month, day, hour, read.minute, read.second, read.nsec)
    if read.zone is not None:
        return date(*wall_clock, read.zone)
    if read.zone_offset != -1:
        t = date(*wall_clock, UTC)
        t = GoTime(t.unix_sec - read.zone_offset, t.nsec)
        name, offset = location.lookup(t.unix_sec)
        if offset == read.zone_offset and read.zone_name in ("", name):
            return t.in_location(location)
        return t.in_location(fixed_zone(read.zone_name, read.zone_offset))
    if read.zone_name:
        t = date(*wall_clock, UTC)
        offset = location.lookup_name(read.zone_name, t.unix_sec)
        if offset is not None:
            return GoTime(t.unix_sec - offset, t.nsec, location)
        # An unknown abbreviation gets offset 0 (GMT+3 its hours): the clock reading is kept.
        offset = 0
        if len(read.zone_name) > 3 and read.zone_name.startswith("GMT"):
            offset = int(read.zone_name[3:]) * 3600
        return t.in_location(fixed_zone(read.zone_name, offset))
    return date(*wall_clock, location)


# ---------------------------------------------------------------------------------------------
# Durations (int nanoseconds, Go's time.Duration)


class DurationParseError(ValueError):
    """time.ParseDuration failed; str() is Go's message."""


_UNITS = {
    b"ns": 1,
    b"us": 1_000,
    "µs".encode(): 1_000,  # U+00B5 micro sign
    "μs".encode(): 1_000,  # U+03BC Greek mu
    b"ms": 1_000_000,
    b"s": _NS_PER_SECOND,
    b"m": 60 * _NS_PER_SECOND,
    b"h": 3600 * _NS_PER_SECOND,
}


def _leading_fraction(text: bytes) -> tuple[int, int, bytes]:
    """Go's leadingFraction: digits as an integer and its scale; digits past int64 are ignored."""
    value, scale, at, overflow = 0, 1, 0, False
    while _is_digit(text, at):
        if not overflow:
            if value > ((1 << 63) - 1) // 10:
                overflow = True
            else:
                value, scale = value * 10 + text[at] - 0x30, scale * 10
        at += 1
    return value, scale, text[at:]


def parse_duration(text: str) -> int:
    """Go's time.ParseDuration: "300ms", "-1.5h", "2h45m" in nanoseconds.

    Grammar: [-+]?([0-9]*(\\.[0-9]*)?[a-z]+)+, or a lone "0".
    """
    original = text.encode()

    def fail(message: str) -> DurationParseError:
        return DurationParseError(f"time: {message} {_quote(original)}")

    rest = original
    negative = rest[:1] == b"-"
    if rest[:1] in (b"-", b"+"):
        rest = rest[1:]
    if rest == b"0":
        return 0
    if not rest:
        raise fail("invalid duration")
    total = 0
    while rest:
        if not (rest[:1] == b"." or _is_digit(rest, 0)):
            raise fail("invalid duration")
        before = len(rest)
        try:
            whole, rest = _leading_int(rest)
        except _Bad:
            raise fail("invalid duration") from None
        has_whole = len(rest) != before
        fraction, scale, has_fraction = 0, 1, False
        if rest[:1] == b".":
            rest = rest[1:]
            before = len(rest)
            fraction, scale, rest = _leading_fraction(rest)
            has_fraction = len(rest) != before
        if not has_whole and not has_fraction:
            raise fail("invalid duration")
        end = 0
        while end < len(rest) and not (rest[end : end + 1] == b"." or _is_digit(rest, end)):
            end += 1
        if end == 0:
            raise fail("missing unit in duration")
        unit_text, rest = rest[:end], rest[end:]
        unit = _UNITS.get(unit_text)
        if unit is None:
            raise fail(f"unknown unit {_quote(unit_text)} in duration")
        if whole > (1 << 63) // unit:
            raise fail("invalid duration")
        whole *= unit
        if fraction > 0:
            # Go scales the fraction in float64, which is nanosecond-exact up to hours.
            whole += int(float(fraction) * (float(unit) / float(scale)))
            if whole > 1 << 63:
                raise fail("invalid duration")
        total += whole
        if total > 1 << 63:
            raise fail("invalid duration")
    if negative:
        return -total
    if total > (1 << 63) - 1:
        raise fail("invalid duration")
    return total


def format_duration(ns: int) -> str:
    """Go's Duration.String: "1h30m0s", "1.5s", "300ms", "0s"."""
    magnitude = abs(ns)
    if magnitude < _NS_PER_SECOND:
        if magnitude == 0:
            return "0s"
        if magnitude < 1_000:
            precision, unit = 0, "ns"
        elif magnitude < 1_000_000:
            precision, unit = 3, "µs"
        else:
            precision, unit = 6, "ms"
        whole, fraction = divmod(magnitude, 10**precision)
        text = f"{whole}{_fraction_text(fraction, precision)}{unit}"
    else:
        seconds, fraction = divmod(magnitude, _NS_PER_SECOND)
        minutes, seconds = divmod(seconds, 60)
        hours, minutes = divmod(minutes, 60)
        text = f"{seconds}{_fraction_text(fraction, 9)}s"
        if minutes or hours:
            text = f"{minutes}m{text}"
        if hours:
            text = f"{hours}h{text}"
    return "-" + text if ns < 0 else text


def _fraction_text(fraction: int, precision: int) -> str:
    """Go's fmtFrac: "." and the digits without trailing zeros, or nothing for zero."""
    if fraction == 0:
        return ""
    return "." + f"{fraction:0{precision}d}".rstrip("0")


def round_duration(ns: int, multiple: int) -> int:
    """Go's Duration.Round: to the nearest multiple, halves away from zero, saturating."""
    if multiple <= 0:
        return ns
    remainder = abs(ns) % multiple
    if ns < 0:
        rounded = ns + remainder if remainder * 2 < multiple else ns - multiple + remainder
        return max(rounded, _MIN_DURATION)
    rounded = ns - remainder if remainder * 2 < multiple else ns + multiple - remainder
    return min(rounded, _MAX_DURATION)
