"""The error raised for a template Go would refuse to parse, worded as Go words it."""


class TemplateSyntaxError(Exception):
    """`message` is Go's full text; `offset` is the 0-based character offset of the offending token.

    `line` is the line Go names in the message, which is the line of the last token Go had read;
    it is almost always the line of `offset`.
    """

    def __init__(self, reason: str, *, name: str, line: int, offset: int, text: str) -> None:
        self.message = f"template: {name}:{line}: {reason}"
        super().__init__(self.message)
        self.reason = reason
        self.name = name
        self.line = line
        self.offset = offset
        self.text = text

    @property
    def column(self) -> int:
        """1-based column of `offset` within its line."""
        return self.offset - self.text.rfind("\n", 0, self.offset)
