"""Go's fmt.Sprint, Sprintln and Sprintf on template values, against outputs recorded from Go."""

import json
import math
import re
from pathlib import Path

import pytest

from lifecycle.gotemplate import jsondata
from lifecycle.gotemplate.gofmt import sprint, sprintf, sprintln
from lifecycle.gotemplate.values import NO_VALUE, Int64, NilPointer, Struct, TypedList, TypedMap

FMT_CASES = Path(__file__).parents[2] / "template_conformance" / "data" / "fmt.jsonl"
_CALL = re.compile(r'\{\{ (print|printf|println)((?: "(?:[^"\\]|\\.)*")?)((?: \.a\d+)*) \}\}')
_FUNCTIONS = {"print": sprint, "println": sprintln}


def _oracle_cases() -> list:
    """Each case calls print, printf or println on its context's a0, a1...; the format is a Go
    string literal in JSON's spelling."""
    cases = []
    for line in FMT_CASES.read_text().splitlines():
        case = json.loads(line)
        cases.append(pytest.param(case, id=case["template"][3:-3]))
    return cases


@pytest.mark.parametrize("case", _oracle_cases())
def test_it_prints_as_go_prints_through_text_template(case):
    name, literal, operands = _CALL.fullmatch(case["template"]).groups()
    context = jsondata.from_json(case["context"])
    args = [context[operand[1:]] for operand in operands.split()]
    if name == "printf":
        assert sprintf(json.loads(literal), *args) == case["output"]
    else:
        assert _FUNCTIONS[name](*args) == case["output"]


def test_the_oracle_cases_cover_every_verb():
    formats = "".join(json.loads(line)["template"] for line in FMT_CASES.read_text().splitlines())
    for verb in "vTtdbocqxXUeEfFgGsp%w":
        assert "%" + verb in formats or re.search(r"%[-+# 0-9.*\[\]]+" + verb, formats), verb


class Named:
    """A fmt.Stringer (Go: a struct type main.Named with a String method)."""

    go_type_name = "main.Named"

    def __init__(self, text: str):
        self.text = text

    def go_string(self) -> str:
        return self.text


class Failure:
    """An error value (Go: a struct type main.Failure with an Error method)."""

    go_type_name = "main.Failure"

    def __init__(self, text: str):
        self.text = text

    def go_error(self) -> str:
        return self.text


def _statefulset(pointer: bool) -> Struct:
    claims = {
        "db-1": TypedMap({"data-db-1": "data"}),
        "db-0": TypedMap({"data-db-0": "data"}),
    }
    return Struct(
        "param.StatefulSetParams",
        {
            "Name": "db",
            "Namespace": "prod",
            "Pods": TypedList(["db-0", "db-1"]),
            "Containers": TypedList([TypedList(["postgres", "sidecar"])], type_name="[][]string"),
            "PersistentVolumeClaims": TypedMap(
                claims, type_name="map[string]map[string]string", zero=None
            ),
        },
        pointer=pointer,
    )


STATEFULSET = _statefulset(pointer=True)  # Kanister's .StatefulSet, a *param.StatefulSetParams
STATEFULSET_VALUE = _statefulset(pointer=False)
NO_DEPLOYMENT = NilPointer("*param.DeploymentParams")  # .Deployment in a StatefulSet action

# Recorded from fmt in a Go 1.27 program (the oracle cannot express these values): function,
# format, operands, output.
RECORDED_FROM_GO = [
    (
        "printf",
        "%v",
        [STATEFULSET],
        (
            "&{db prod [db-0 db-1] [[postgres sidecar]] map[db-0:map[data"
            "-db-0:data] db-1:map[data-db-1:data]]}"
        ),
    ),
    (
        "printf",
        "%+v",
        [STATEFULSET],
        (
            "&{Name:db Namespace:prod Pods:[db-0 db-1] Containers:[[postg"
            "res sidecar]] PersistentVolumeClaims:map[db-0:map[data-db-0:"
            "data] db-1:map[data-db-1:data]]}"
        ),
    ),
    (
        "printf",
        "%#v",
        [STATEFULSET],
        (
            '&param.StatefulSetParams{Name:"db", Namespace:"prod", Pods:['
            ']string{"db-0", "db-1"}, Containers:[][]string{[]string{"pos'
            'tgres", "sidecar"}}, PersistentVolumeClaims:map[string]map[s'
            'tring]string{"db-0":map[string]string{"data-db-0":"data"}, "'
            'db-1":map[string]string{"data-db-1":"data"}}}'
        ),
    ),
    (
        "printf",
        "%v",
        [STATEFULSET_VALUE],
        (
            "{db prod [db-0 db-1] [[postgres sidecar]] map[db-0:map[data-"
            "db-0:data] db-1:map[data-db-1:data]]}"
        ),
    ),
    (
        "printf",
        "%+v",
        [STATEFULSET_VALUE],
        (
            "{Name:db Namespace:prod Pods:[db-0 db-1] Containers:[[postgr"
            "es sidecar]] PersistentVolumeClaims:map[db-0:map[data-db-0:d"
            "ata] db-1:map[data-db-1:data]]}"
        ),
    ),
    (
        "printf",
        "%s",
        [STATEFULSET],
        (
            "&{db prod [db-0 db-1] [[postgres sidecar]] map[db-0:map[data"
            "-db-0:data] db-1:map[data-db-1:data]]}"
        ),
    ),
    (
        "printf",
        "%q",
        [STATEFULSET],
        (
            '&{"db" "prod" ["db-0" "db-1"] [["postgres" "sidecar"]] map["'
            'db-0":map["data-db-0":"data"] "db-1":map["data-db-1":"data"]'
            "]}"
        ),
    ),
    (
        "printf",
        "%d",
        [STATEFULSET],
        (
            "&{%!d(string=db) %!d(string=prod) [%!d(string=db-0) %!d(stri"
            "ng=db-1)] [[%!d(string=postgres) %!d(string=sidecar)]] map[%"
            "!d(string=db-0):map[%!d(string=data-db-0):%!d(string=data)] "
            "%!d(string=db-1):map[%!d(string=data-db-1):%!d(string=data)]"
            "]}"
        ),
    ),
    (
        "printf",
        "%T %T",
        [STATEFULSET, STATEFULSET_VALUE],
        "*param.StatefulSetParams param.StatefulSetParams",
    ),
    (
        "printf",
        "%x",
        [STATEFULSET_VALUE],
        (
            "{6462 70726f64 [64622d30 64622d31] [[706f737467726573 736964"
            "65636172]] map[64622d30:map[646174612d64622d30:64617461] 646"
            "22d31:map[646174612d64622d31:64617461]]}"
        ),
    ),
    (
        "printf",
        "%12v|",
        [STATEFULSET_VALUE],
        (
            "{          db         prod [        db-0         db-1] [[   "
            " postgres      sidecar]] map[        db-0:map[   data-db-0: "
            "       data]         db-1:map[   data-db-1:        data]]}|"
        ),
    ),
    (
        "print",
        None,
        [STATEFULSET],
        (
            "&{db prod [db-0 db-1] [[postgres sidecar]] map[db-0:map[data"
            "-db-0:data] db-1:map[data-db-1:data]]}"
        ),
    ),
    (
        "print",
        None,
        [STATEFULSET, STATEFULSET_VALUE],
        (
            "&{db prod [db-0 db-1] [[postgres sidecar]] map[db-0:map[data"
            "-db-0:data] db-1:map[data-db-1:data]]} {db prod [db-0 db-1] "
            "[[postgres sidecar]] map[db-0:map[data-db-0:data] db-1:map[d"
            "ata-db-1:data]]}"
        ),
    ),
    (
        "println",
        None,
        [STATEFULSET_VALUE, NO_DEPLOYMENT],
        (
            "{db prod [db-0 db-1] [[postgres sidecar]] map[db-0:map[data-"
            "db-0:data] db-1:map[data-db-1:data]]} <nil>\n"
        ),
    ),
    (
        "printf",
        "%d %s",
        [STATEFULSET, 1],
        (
            "&{%!d(string=db) %!d(string=prod) [%!d(string=db-0) %!d(stri"
            "ng=db-1)] [[%!d(string=postgres) %!d(string=sidecar)]] map[%"
            "!d(string=db-0):map[%!d(string=data-db-0):%!d(string=data)] "
            "%!d(string=db-1):map[%!d(string=data-db-1):%!d(string=data)]"
            "]} %!s(int=1)"
        ),
    ),
    (
        "printf",
        "%v|%+v|%#v|%T",
        [NO_DEPLOYMENT, NO_DEPLOYMENT, NO_DEPLOYMENT, NO_DEPLOYMENT],
        ("<nil>|<nil>|(*param.DeploymentParams)(nil)|*param.DeploymentParams"),
    ),
    (
        "printf",
        "%d|%x|%s|%t|%p|%#p",
        [NO_DEPLOYMENT, NO_DEPLOYMENT, NO_DEPLOYMENT, NO_DEPLOYMENT, NO_DEPLOYMENT, NO_DEPLOYMENT],
        ("0|0|%!s(*param.DeploymentParams=<nil>)|%!t(*param.DeploymentParams=<nil>)|0x0|0"),
    ),
    ("printf", "%6v|%-6v|", [NO_DEPLOYMENT, NO_DEPLOYMENT], " <nil>|<nil> |"),
    ("print", None, [NO_DEPLOYMENT, NO_DEPLOYMENT], "<nil> <nil>"),
    ("printf", "%v", [[NO_DEPLOYMENT]], "[<nil>]"),
    ("printf", "%!(EXTRA)", [NO_DEPLOYMENT], "%!!(*param.DeploymentParams=<nil>)(EXTRA)"),
    ("printf", "", [NO_DEPLOYMENT], "%!(EXTRA *param.DeploymentParams=<nil>)"),
    (
        "printf",
        "%v|%#v|%T",
        [
            TypedMap({"b": "2", "a": "1"}),
            TypedMap({"b": "2", "a": "1"}),
            TypedMap({"b": "2", "a": "1"}),
        ],
        ('map[a:1 b:2]|map[string]string{"a":"1", "b":"2"}|map[string]string'),
    ),
    (
        "printf",
        "%q|%x|%5v|",
        [TypedMap({"k": "v"}), TypedMap({"k": "v"}), TypedMap({"k": "v"})],
        'map["k":"v"]|map[6b:76]|map[    k:    v]|',
    ),
    (
        "printf",
        "%v|%#v|%T",
        [TypedList(["a", "b c"]), TypedList(["a", "b c"]), TypedList(["a", "b c"])],
        '[a b c]|[]string{"a", "b c"}|[]string',
    ),
    (
        "printf",
        "%q|%x|%X|%5s|%.1s",
        [
            TypedList(["ab", "é"]),
            TypedList(["ab", "é"]),
            TypedList(["ab", "é"]),
            TypedList(["ab", "é"]),
            TypedList(["ab", "é"]),
        ],
        '["ab" "é"]|[6162 c3a9]|[6162 C3A9]|[   ab     é]|[a é]',
    ),
    ("printf", "%d|%#v", [TypedList([]), TypedList([])], "[]|[]string{}"),
    (
        "printf",
        "%v|%#v|%T",
        [
            TypedList([TypedList(["a", "b"]), TypedList(["c"])], type_name="[][]string"),
            TypedList([TypedList(["a", "b"]), TypedList(["c"])], type_name="[][]string"),
            TypedList([TypedList(["a", "b"]), TypedList(["c"])], type_name="[][]string"),
        ],
        ('[[a b] [c]]|[][]string{[]string{"a", "b"}, []string{"c"}}|[][]string'),
    ),
    (
        "printf",
        "%v|%#v|%T",
        [
            TypedMap(
                {"x": TypedMap({"k": "v"})}, type_name="map[string]map[string]string", zero=None
            ),
            TypedMap(
                {"x": TypedMap({"k": "v"})}, type_name="map[string]map[string]string", zero=None
            ),
            TypedMap(
                {"x": TypedMap({"k": "v"})}, type_name="map[string]map[string]string", zero=None
            ),
        ],
        (
            'map[x:map[k:v]]|map[string]map[string]string{"x":map[string]'
            'string{"k":"v"}}|map[string]map[string]string'
        ),
    ),
    ("print", None, [TypedList(["a"]), TypedList(["b"])], "[a] [b]"),
    ("printf", "%v", [[TypedList(["a"]), TypedMap({"k": "v"}), Int64(3)]], "[[a] map[k:v] 3]"),
    (
        "printf",
        "%#v",
        [[TypedList(["a"]), TypedMap({"k": "v"}), Int64(3)]],
        ('[]interface {}{[]string{"a"}, map[string]string{"k":"v"}, 3}'),
    ),
    (
        "printf",
        "%v|%d|%T|%#v|%x|%+d|%c",
        [Int64(65), Int64(65), Int64(65), Int64(65), Int64(65), Int64(65), Int64(65)],
        "65|65|int64|65|41|+65|A",
    ),
    ("printf", "%s", [Int64(-9)], "%!s(int64=-9)"),
    ("print", None, [Int64(1), Int64(2)], "1 2"),
    ("printf", "%d", [Int64(-9223372036854775808)], "-9223372036854775808"),
    ("printf", "%*d|", [Int64(4), 7], "   7|"),
    ("printf", "%.*f", [Int64(1), 2.25], "2.2"),
    (
        "printf",
        "%v|%T|%#v|%.1f|%e|%g",
        [3.0, 3.0, 3.0, 3.0, 3.0, 3.0],
        "3|float64|3|3.0|3.000000e+00|3",
    ),
    ("print", None, [3.0, 1000000.0, 100000.0], "3 1e+06 100000"),
    (
        "printf",
        "%v|%f|%e|%g|%x|%b",
        [math.nan, math.nan, math.nan, math.nan, math.nan, math.nan],
        "NaN|NaN|NaN|NaN|NaN|NaN",
    ),
    (
        "printf",
        "%v|%+v|%+f|% f|%5.1f|%-6v|%06v",
        [math.nan, math.nan, math.nan, math.nan, math.nan, math.nan, math.nan],
        "NaN|NaN|+NaN| NaN|  NaN|NaN   |   NaN",
    ),
    (
        "printf",
        "%v|%+v|%f|% f|%8.2f|%-8v|%08v|%#v",
        [math.inf, math.inf, math.inf, math.inf, math.inf, math.inf, math.inf, math.inf],
        "+Inf|+Inf|+Inf| Inf|    +Inf|+Inf    |    +Inf|+Inf",
    ),
    (
        "printf",
        "%v|%f|%e|%08.2f|%x",
        [-math.inf, -math.inf, -math.inf, -math.inf, -math.inf],
        "-Inf|-Inf|-Inf|    -Inf|-Inf",
    ),
    (
        "printf",
        "%v|%f|%.0f|%e|%g|%x|%b|%+v|% v",
        [-0.0, -0.0, -0.0, -0.0, -0.0, -0.0, -0.0, -0.0, -0.0],
        "-0|-0.000000|-0|-0.000000e+00|-0|-0x0p+00|-0p-1074|-0|-0",
    ),
    ("printf", "%v", [[math.nan, math.inf]], "[NaN +Inf]"),
    ("printf", "%d", [3.0], "%!d(float64=3)"),
    (
        "printf",
        "%08.3f|%-8.3f|%+.3e|% .3e",
        [-3.0, -3.0, -3.0, -3.0],
        "-003.000|-3.000  |-3.000e+00|-3.000e+00",
    ),
    (
        "printf",
        "%v|%s|%q|%x|%X|%5s|%-5v|%.2s",
        [
            Named("héllo"),
            Named("héllo"),
            Named("héllo"),
            Named("héllo"),
            Named("héllo"),
            Named("héllo"),
            Named("héllo"),
            Named("héllo"),
        ],
        ('héllo|héllo|"héllo"|68c3a96c6c6f|68C3A96C6C6F|héllo|héllo|hé'),
    ),
    ("printf", "%T", [Named("x")], "main.Named"),
    (
        "printf",
        "%v|%s|%q|%+q",
        [Failure('boom: "x"'), Failure('boom: "x"'), Failure('boom: "x"'), Failure('boom: "x"')],
        'boom: "x"|boom: "x"|"boom: \\"x\\""|"boom: \\"x\\""',
    ),
    ("printf", "%T", [Failure("x")], "main.Failure"),
    ("print", None, [Named("a"), Named("b"), "c", Failure("d")], "a bcd"),
    ("println", None, [Named("a"), Failure("b")], "a b\n"),
    (
        "printf",
        "%v|%q",
        [[Named("a"), Failure("b")], [Named("a"), Failure("b")]],
        '[a b]|["a" "b"]',
    ),
    ("printf", "%v", [{"k": Named("x y")}], "map[k:x y]"),
    ("printf", "%d", [1, Named("n"), Failure("f")], "1%!(EXTRA main.Named=n, main.Failure=f)"),
    (
        "printf",
        "%q|%+q|%#U|%q",
        ["\U0001fae9\u0378", "\U0001fae9", 0x1FAE9, 0x378],
        "\"\U0001fae9\\u0378\"|\"\\U0001fae9\"|U+1FAE9 '\U0001fae9'|'\\u0378'",
    ),
    (
        "printf",
        "%s|%q|%5.2s|",
        [b"\xffab\xe2\x82"] * 3,
        '\ufffdab\ufffd\ufffd|"\\xffab\\xe2\\x82"|   \ufffda|',
    ),
]


@pytest.mark.parametrize(("function", "format", "args", "output"), RECORDED_FROM_GO)
def test_it_prints_go_values_json_cannot_express_as_go_does(function, format, args, output):
    if function == "printf":
        assert sprintf(format, *args) == output
    else:
        assert _FUNCTIONS[function](*args) == output


class TestWhereGoCannotBeMatched:
    """Documented stand-ins for what Go prints differently from run to run or machine to
    machine, and for values text/template never hands to fmt."""

    def test_a_pointer_inside_another_value_shows_its_type_instead_of_an_address(self):
        inner = Struct("param.PodParams", {"Name": "p"}, pointer=True)
        assert sprint([inner]) == "[<address of *param.PodParams>]"
        assert sprintf("%#v", {"pod": inner}) == (
            'map[string]interface {}{"pod":(*param.PodParams)(<address of *param.PodParams>)}'
        )

    def test_p_shows_the_type_instead_of_an_address(self):
        assert sprintf("%p", ["a"]) == "<address of []interface {}>"
        assert sprintf("%p", STATEFULSET) == "<address of *param.StatefulSetParams>"

    def test_p_of_a_nil_pointer_is_zero_as_in_go(self):
        assert sprintf("%p|%#p", NO_DEPLOYMENT, NO_DEPLOYMENT) == "0x0|0"

    def test_no_value_prints_as_text_template_prints_a_missing_value(self):
        assert sprint(NO_VALUE) == "<no value>"
        assert sprintf("%v|%d|%T", NO_VALUE, NO_VALUE, NO_VALUE) == "<no value>|%!d(<nil>)|<nil>"

    def test_a_stringer_with_a_non_text_verb_is_a_bad_verb_showing_its_text(self):
        assert sprintf("%d", Named("5s")) == "%!d(main.Named=5s)"

    def test_an_int_beyond_64_bits_wraps_as_a_go_conversion_to_int64_would(self):
        assert sprint(2**64 + 5) == "5"
        assert sprintf("%d", 2**63) == "-9223372036854775808"

    def test_a_value_that_is_not_a_go_value_is_refused(self):
        with pytest.raises(TypeError, match="not a Go value"):
            sprint(object())


class TestFastPath:
    """sprint of the values every action prints skips the printer; it must agree with it."""

    @pytest.mark.parametrize(
        "value",
        [
            "",
            "héllo",
            0,
            -7,
            2**63 - 1,
            1e6,
            1e21,
            0.1,
            -0.0,
            math.inf,
            math.nan,
            b"pass",
            b"",
            ["a", 1, "b"],
            [],
            list(range(20)),
        ],
    )
    def test_it_agrees_with_sprintf_v(self, value):
        assert sprint(value) == sprintf("%v", value)


def test_a_width_of_eight_digits_still_pads_as_go_does():
    # Go checks for overflow before each digit, so 10**7 passes and 10**8 ends the format.
    assert sprintf("%10000000d", 1) == " " * 9_999_999 + "1"
    assert sprintf("%100000000d", 1) == "%!(NOVERB)%!(EXTRA int=1)"
