"""The lint checks: each module has `check(...)`, reporting findings for the rules it owns."""
