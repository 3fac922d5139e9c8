"""Go's time package as sprig's date functions and fmt use it: Time, Location, Format, Parse,
ParseDuration and Duration.String, byte for byte (a port of Go's time/format.go).

A GoTime holds what a Go time.Time holds: an instant (Unix seconds and nanoseconds, any year
Go can parse, year 0 included), a location, and for `now()` a monotonic clock reading, which
Go prints as ` m=+0.001234567` and which takes part in `==`.
"""

import os
import struct
import time as _pytime
import zoneinfo
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
            if name == abbreviation and self.lookup(unix_sec - offset)[0] == name:
                return self.lookup(unix_sec - offset)[1]
        for name, offset in self.zones:
            if name == abbreviation:
                return offset
        return None

    def go_string(self) -> str:
        return self.name


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


@dataclass(frozen=True, slots=True)
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
        ns = _int64(ns)
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


def _int64(value: int) -> int:
    return (value + (1 << 63)) % (1 << 64) - (1 << 63)


def _saturate(ns: int) -> int:
    return min(max(ns, _MIN_DURATION), _MAX_DURATION)


ZERO_TIME = GoTime(_days_from_civil(1, 1, 1) * _SECONDS_PER_DAY, 0, UTC)

# Go's monotonic clock starts just before main runs; +1 keeps the first reading positive.
_PROCESS_START_NS = _pytime.monotonic_ns() - 1


def now() -> GoTime:
    """time.Now: the current time in Local, with a monotonic reading."""
    ns = _pytime.time_ns()
    return GoTime(
        ns // _NS_PER_SECOND,
        ns % _NS_PER_SECOND,
        LOCAL,
        _pytime.monotonic_ns() - _PROCESS_START_NS,
    )


def unix(seconds: int, nsec: int = 0) -> GoTime:
    """time.Unix: an instant given in Unix seconds, in Local."""
    extra, nsec = divmod(nsec, _NS_PER_SECOND)
    return GoTime(seconds + extra, nsec, LOCAL)


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
