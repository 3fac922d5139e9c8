"""sprig v2.22.0's TxtFuncMap as Kanister registers it (pkg/ksprig), one module per group."""

from lifecycle.gotemplate.sprig import (
    arith,
    conversion,
    crypto,
    dates,
    defaults,
    dicts,
    encoding,
    hashes,
    lists,
    network,
    paths,
    reflection,
    regex,
    semver,
    splitting,
    strings,
)

_GROUPS = (
    strings,
    splitting,
    conversion,
    arith,
    defaults,
    encoding,
    dates,
    lists,
    dicts,
    reflection,
    paths,
    regex,
    hashes,
    crypto,
    semver,
    network,
)
FUNCTIONS = {name: function for group in _GROUPS for name, function in group.FUNCTIONS.items()}
