"""The domain core must run without Django, DRF or the Kubernetes client."""

import pkgutil
import subprocess
import sys
from pathlib import Path

import lifecycle

FORBIDDEN = ("django", "rest_framework", "kubernetes")


def test_importing_every_core_module_loads_no_framework():
    modules = [m.name for m in pkgutil.walk_packages(lifecycle.__path__, "lifecycle.")]
    assert modules, "no module found under lifecycle/"
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        f"print(','.join(sorted({{m.split('.')[0] for m in sys.modules}} & set({FORBIDDEN!r}))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=Path(lifecycle.__file__).parents[1],
        check=True,
    )
    assert result.stdout.strip() == ""
