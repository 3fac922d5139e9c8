from datetime import UTC, datetime

from lifecycle.gotemplate import gotime
from lifecycle.gotemplate.sprig.dates import FUNCTIONS, _round_to_second
from lifecycle.gotemplate.values import Int64

RFC3339_NANO = "2006-01-02T15:04:05.999999999Z07:00"


def call(name, *args):
    return FUNCTIONS[name].impl(*args)


def test_to_date_reads_kanisters_time_in_the_local_zone():
    t = call("toDate", RFC3339_NANO, "2024-05-01T12:34:56.123456789Z")
    assert t.go_string() == "2024-05-01 12:34:56.123456789 +0000 UTC"


def test_to_date_gives_the_zero_time_for_text_its_layout_cannot_read():
    assert call("toDate", "2006-01-02", "2024-05-01T12:34:56Z") == gotime.ZERO_TIME
    assert call("toDate", "2006-01-02", "2024-02-30") == gotime.ZERO_TIME


def test_date_formats_a_time_or_unix_seconds():
    t = call("toDate", "2006-01-02", "2024-05-01")
    assert call("date", "02 Jan 06", t) == "01 May 24"
    assert call("date", "2006-01-02 15:04:05", 1714566896) == "2024-05-01 12:34:56"
    assert call("date", "2006-01-02", Int64(-86400)) == "1969-12-31"


def test_date_of_anything_else_is_the_current_time():
    today = datetime.now(UTC).strftime("%Y-%m-%d")
    assert call("date", "2006-01-02", "2024-05-01T12:34:56Z") == today
    assert call("date", "2006-01-02", 1.5) == today
    assert call("htmlDate", None) == today


def test_date_in_zone_falls_back_to_utc_for_an_unknown_zone():
    assert call("dateInZone", "15:04 MST", 0, "America/New_York") == "19:00 EST"
    assert call("date_in_zone", "15:04 MST", 0, "No/Such_Zone") == "00:00 UTC"
    assert call("htmlDateInZone", 0, "Asia/Tokyo") == "1970-01-01"


def test_date_modify_adds_a_duration_and_ignores_a_bad_one():
    t = call("toDate", "2006-01-02", "2024-05-01")
    assert call("dateModify", "-1h30m", t).go_string() == "2024-04-30 22:30:00 +0000 UTC"
    assert call("date_modify", "soon", t) is t


def test_unix_epoch_counts_seconds_as_text():
    assert call("unixEpoch", call("toDate", "2006", "1969")) == "-31536000"
    assert call("unixEpoch", gotime.ZERO_TIME) == "-62135596800"


def test_ago_rounds_the_time_since_to_whole_seconds():
    assert call("ago", gotime.now()) == "0s"
    assert call("ago", gotime.now().add(-3 * 3600 * 10**9)) == "3h0m0s"
    assert call("ago", 0).endswith("s")


def test_rounding_to_seconds_takes_halves_away_from_zero():
    assert _round_to_second(1_500_000_000) == 2_000_000_000
    assert _round_to_second(1_499_999_999) == 1_000_000_000
    assert _round_to_second(-1_500_000_000) == -2_000_000_000


def test_now_and_ago_vary_while_parsing_and_formatting_do_not():
    assert [name for name, f in FUNCTIONS.items() if f.varies] == ["now", "ago"]


def test_signatures_are_sprigs():
    assert FUNCTIONS["toDate"].params == ("string", "string")
    assert FUNCTIONS["date"].params == ("string", "interface {}")
    assert FUNCTIONS["dateModify"].params == ("string", "time.Time")
    assert FUNCTIONS["now"].params == ()
