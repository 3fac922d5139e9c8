"""The error raised for YAML that cannot be read, carrying the position of the problem."""

from lifecycle.yamlpos.positions import Position


class YamlError(ValueError):
    def __init__(self, message: str, position: Position) -> None:
        super().__init__(f"{position}: {message}")
        self.message = message
        self.position = position


class LimitError(YamlError):
    """Input refused for crossing a bound (size, depth, alias expansion), not for a mistake."""
