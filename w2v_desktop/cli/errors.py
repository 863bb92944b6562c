"""The CLI's own error type (a module of its own so that every command can import it)."""


class CliError(Exception):
    """A user-facing error: printed as one line, exit status 2."""
