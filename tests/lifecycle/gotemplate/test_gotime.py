"""Go's time package as sprig and fmt use it, checked against outputs recorded from Go 1.27.

The `data/time_*.jsonl` files were written by small Go programs (time.Format, Time.String,
ParseInLocation, ParseDuration, Duration.String and Round, Time.Add and Sub) run with
/etc/localtime at Etc/UTC, so Go's Local was UTC as in a Kanister controller. Locations are
named as in `location()` below; the suite never runs Go.
"""

import json
from pathlib import Path

import pytest

from lifecycle.gotemplate import gotime
from lifecycle.gotemplate.gotime import LOCAL, UTC, ZERO_TIME, GoTime, fixed_zone, load_location

DATA = Path(__file__).parent / "data"


def go_cases(name):
    return [json.loads(line) for line in (DATA / name).read_text().splitlines()]


def location(spec):
    """A location as the Go generators name it: UTC, Local, fixed:NAME:OFFSET or an IANA name."""
    if spec == "UTC":
        return UTC
    if spec == "Local":
        return LOCAL
    if spec.startswith("fixed:"):
        _, name, offset = spec.split(":")
        return fixed_zone(name, int(offset))
    return load_location(spec)


class TestFormat:
    @pytest.mark.parametrize("case", go_cases("time_format.jsonl"), ids=lambda c: c["layout"][:30])
    def test_it_formats_as_go_does(self, case):
        t = GoTime(case["unix"], case["nsec"]).in_location(location(case["zone"]))
        if case["layout"] == "String":
            assert t.go_string() == case["output"]
        else:
            assert gotime.format(t, case["layout"]) == case["output"]

    def test_it_prints_the_zero_time_in_utc(self):
        assert ZERO_TIME.go_string() == "0001-01-01 00:00:00 +0000 UTC"
        assert ZERO_TIME.unix() == -62135596800

    def test_it_prints_a_monotonic_reading_after_the_time(self):
        t = GoTime(1714566896, 5, LOCAL, monotonic=1_234_567_890_123)
        assert t.go_string() == "2024-05-01 12:34:56.000000005 +0000 UTC m=+1234.567890123"

    def test_now_is_local_with_a_monotonic_reading(self):
        t = gotime.now()
        assert t.location is LOCAL
        assert t.monotonic > 0
        assert " +0000 UTC m=+" in t.go_string()

    def test_unix_gives_a_local_time(self):
        t = gotime.unix(1714566896)
        assert t.location is LOCAL
        assert t.go_string() == "2024-05-01 12:34:56 +0000 UTC"


class TestArithmetic:
    @pytest.mark.parametrize("case", go_cases("time_add.jsonl"), ids=lambda c: str(c["add"]))
    def test_it_adds_and_subtracts_as_go_does(self, case):
        start = GoTime(case["unix"], case["nsec"]).in_location(location(case["zone"]))
        moved = start.add(case["add"])
        assert moved.go_string() == case["string"]
        assert moved.sub(start) == case["sub"]
        assert start.sub(moved) == case["back"]

    def test_adding_keeps_a_monotonic_reading_and_sub_uses_it(self):
        start = GoTime(1714566896, 0, LOCAL, monotonic=5_000)
        later = start.add(1_500)
        assert later.monotonic == 6_500
        assert later.sub(start) == 1_500

    def test_a_time_moved_past_2157_loses_its_monotonic_reading(self):
        far = GoTime(1714566896, 0, LOCAL, monotonic=5_000).add(200 * 365 * 86_400 * 10**9)
        assert far.monotonic is None

    def test_since_measures_from_now(self):
        assert 0 <= gotime.since(gotime.now()) < 10**9
        assert gotime.since(ZERO_TIME) == (1 << 63) - 1  # saturated, as Go's Sub is


class TestEquality:
    """Go's `==` on time.Time, which text/template's `eq` applies."""

    def test_the_same_instant_in_the_same_location_is_equal(self):
        assert GoTime(10, 5, UTC) == GoTime(10, 5, UTC)

    def test_utc_and_local_are_different_locations(self):
        assert GoTime(10, 0, UTC) != GoTime(10, 0, LOCAL)

    def test_unnamed_whole_hour_zones_are_shared_and_others_are_not(self):
        assert fixed_zone("", -7 * 3600) is fixed_zone("", -7 * 3600)
        assert fixed_zone("", 5 * 3600 + 1800) is not fixed_zone("", 5 * 3600 + 1800)
        assert fixed_zone("MST", -7 * 3600) is not fixed_zone("MST", -7 * 3600)

    def test_each_load_of_a_zone_is_a_new_location(self):
        assert load_location("Europe/Paris") is not load_location("Europe/Paris")
        assert load_location("UTC") is UTC
        assert load_location("") is UTC
        assert load_location("Local") is LOCAL

    def test_a_monotonic_reading_makes_times_differ(self):
        assert GoTime(10, 0, LOCAL, monotonic=1) != GoTime(10, 0, LOCAL)

    def test_in_location_drops_the_monotonic_reading(self):
        assert GoTime(10, 0, LOCAL, monotonic=1).in_location(LOCAL) == GoTime(10, 0, LOCAL)


class TestLoadLocation:
    def test_it_refuses_unknown_zones_with_gos_message(self):
        with pytest.raises(gotime.LocationError, match=r"^unknown time zone Mars/Olympus$"):
            load_location("Mars/Olympus")

    def test_it_refuses_paths(self):
        with pytest.raises(gotime.LocationError, match=r"^time: invalid location name$"):
            load_location("../etc/passwd")

    def test_it_knows_the_abbreviations_a_zone_has_used(self):
        zones = load_location("America/New_York").zones
        assert ("EST", -18000) in zones
        assert ("EDT", -14400) in zones


class TestParse:
    @pytest.mark.parametrize(
        "case", go_cases("time_parse.jsonl"), ids=lambda c: f"{c['layout']}|{c['value']}"
    )
    def test_it_parses_as_go_does(self, case):
        loc = location(case["location"])
        if "error" in case:
            with pytest.raises(gotime.TimeParseError) as caught:
                gotime.parse(case["layout"], case["value"], loc)
            assert str(caught.value) == case["error"]
            return
        t = gotime.parse(case["layout"], case["value"], loc)
        assert t.go_string() == case["string"]
        assert (t.unix(), t.nsec) == (case.get("unix", 0), case.get("nsec", 0))
        assert t.location.name == case.get("result_location", "")
        assert (t.location is loc) == case.get("in_location", False)

    def test_it_gives_unnamed_whole_hour_offsets_one_shared_location(self):
        first = gotime.parse("-0700", "+0300")
        assert first == gotime.parse("-0700", "+0300")
        assert first != gotime.parse("-0700", "+0330")


def duration_cases(kind):
    return [case[kind] for case in go_cases("time_duration.jsonl") if kind in case]


class TestDurations:
    @pytest.mark.parametrize("case", duration_cases("parse"), ids=lambda c: c["text"])
    def test_it_parses_durations_as_go_does(self, case):
        if "error" in case:
            with pytest.raises(gotime.DurationParseError) as caught:
                gotime.parse_duration(case["text"])
            assert str(caught.value) == case["error"]
        else:
            assert gotime.parse_duration(case["text"]) == case["ns"]

    @pytest.mark.parametrize("case", duration_cases("string"), ids=lambda c: c["string"])
    def test_it_prints_durations_as_go_does(self, case):
        assert gotime.format_duration(case["ns"]) == case["string"]

    @pytest.mark.parametrize(
        "case", duration_cases("round"), ids=lambda c: f"{c['ns']}/{c['multiple']}"
    )
    def test_it_rounds_durations_as_go_does(self, case):
        assert gotime.round_duration(case["ns"], case["multiple"]) == case["rounded"]


class TestWhatSprigDatesNeed:
    """The calls sprig's date functions make, on Kanister's `.Time` (RFC3339Nano, UTC)."""

    KANISTER_TIME = "2024-05-01T12:34:56.123456789Z"

    def test_the_upstream_idiom_reads_time_and_formats_it_in_local(self):
        t = gotime.parse("2006-01-02T15:04:05.999999999Z07:00", self.KANISTER_TIME, LOCAL)
        assert t.location is UTC  # "Z" means UTC itself, not Local
        assert gotime.format(t.in_location(load_location("Local")), "2006-01-02T15-04-05") == (
            "2024-05-01T12-34-56"
        )

    def test_a_layout_without_the_clock_cannot_read_time(self):
        # toDate swallows this error and returns ZERO_TIME.
        with pytest.raises(gotime.TimeParseError) as caught:
            gotime.parse("2006-01-02", self.KANISTER_TIME, LOCAL)
        assert str(caught.value) == (
            'parsing time "2024-05-01T12:34:56.123456789Z": extra text: "T12:34:56.123456789Z"'
        )

    def test_a_date_without_a_zone_is_read_in_local(self):
        t = gotime.parse("2006-01-02", "2024-05-01", LOCAL)
        assert t == gotime.unix(1714521600)

    def test_date_modify_adds_a_parsed_duration(self):
        t = gotime.parse("2006-01-02", "2024-05-01", LOCAL)
        assert t.add(gotime.parse_duration("-1.5h")).go_string() == "2024-04-30 22:30:00 +0000 UTC"

    def test_ago_rounds_the_time_since_to_seconds(self):
        an_hour_ago = gotime.now().add(-gotime.parse_duration("1h"))
        ago = gotime.format_duration(gotime.round_duration(gotime.since(an_hour_ago), 10**9))
        assert ago == "1h0m0s"

    def test_unix_epoch_is_the_unix_seconds(self):
        assert str(gotime.parse("2006-01-02", "2024-05-01", LOCAL).unix()) == "1714521600"


def test_now_reads_a_frozen_clock_inside_the_block_and_the_system_clock_after():
    from lifecycle.gotemplate.gotime import format as format_time
    from lifecycle.gotemplate.gotime import frozen_clock, now

    with frozen_clock(981_173_106 * 10**9):
        assert format_time(now(), "2006-01-02") == "2001-02-03"
    assert format_time(now(), "2006") != "2001"
