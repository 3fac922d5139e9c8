"""Which function names each template engine knows.

Names only, so that parsing and linting do not load the implementations (builtins.py and
sprig/); a test holds the two in step.
"""

_GO_BUILTINS = """
    and or not len index slice print printf println html js urlquery call eq ne lt le gt ge
"""

# sprig v2.22.0 TxtFuncMap as Kanister registers it (shared/reference/kanister-templates.md §3.2).
_SPRIG_V2 = """
    trim trimAll trimall trimPrefix trimSuffix upper lower title untitle substr repeat nospace
    trunc abbrev abbrevboth initials wrap wrapWith contains hasPrefix hasSuffix quote squote cat
    indent nindent replace plural snakecase camelcase kebabcase swapcase shuffle randAlphaNum
    randAlpha randAscii randNumeric
    split splitList splitn join sortAlpha toStrings
    toString atoi int int64 float64 toDecimal
    add add1 sub mul div mod max biggest min ceil floor round until untilStep
    default empty coalesce compact ternary deepCopy fail
    toJson toPrettyJson b64enc b64dec b32enc b32dec
    toDate date now dateInZone date_in_zone dateModify date_modify htmlDate htmlDateInZone ago
    unixEpoch
    list tuple first rest last initial append push prepend concat reverse uniq without has slice
    dict set unset hasKey pluck keys values pick omit merge mergeOverwrite
    typeOf typeIs typeIsLike kindOf kindIs deepEqual
    base dir clean ext isAbs
    regexMatch regexFind regexFindAll regexReplaceAll regexReplaceAllLiteral regexSplit
    sha1sum sha256sum adler32sum
    genPrivateKey derivePassword buildCustomCert genCA genSelfSignedCert genSignedCert encryptAES
    decryptAES
    uuidv4 semver semverCompare urlParse urlJoin env expandenv getHostByName hello
"""

GO_BUILTINS = frozenset(_GO_BUILTINS.split())
SPRIG_V2 = frozenset(_SPRIG_V2.split())
KANISTER_FUNCTIONS = GO_BUILTINS | SPRIG_V2

# kubectl's go-template printer, which evaluates WaitV2 conditions.
KUBECTL_TEMPLATE_FUNCTIONS = GO_BUILTINS | {"exists", "base64decode"}

_SPRIG_V3_ONLY = """
    fromJson toRawJson dig get seq randInt randBytes sha512sum bcrypt htpasswd duration
    durationRound chunk osBase osDir osClean osExt osIsAbs regexQuoteMeta
    mustFromJson mustToJson mustToPrettyJson mustToRawJson mustToDate mustDateModify
    mustRegexMatch mustRegexFind mustRegexFindAll mustRegexReplaceAll mustRegexReplaceAllLiteral
    mustRegexSplit mustAppend mustPush mustPrepend mustFirst mustRest mustLast mustInitial
    mustReverse mustUniq mustWithout mustHas mustCompact mustSlice mustChunk mustDeepCopy
    mustMerge mustMergeOverwrite
"""
_HELM_ONLY = "toYaml fromYaml required tpl include lookup"

# Names people reach for from newer sprig or from Helm charts, which Kanister does not have.
NOT_IN_SPRIG_V2 = dict.fromkeys(_SPRIG_V3_ONLY.split(), "sprig v3") | dict.fromkeys(
    _HELM_ONLY.split(), "Helm"
)
