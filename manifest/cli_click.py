"""The Click machinery of the ``manifest`` command: the language of a run, and Click objects that speak it.

``--lang es|en`` decides wherever it stands on the line: it is read before Click parses anything (:class:`Group`),
so that help and usage errors come in that language too; without it, the locale decides. Help texts and metavars
are kept in English on the Click objects and read through the catalogue (:mod:`manifest.i18n`) each time they are
shown. An internal error (a defect of this package) is one line naming the file being worked on, and exit 3.
"""

from __future__ import annotations

import inspect as docstrings
import os
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from manifest import cli_start
from manifest.cli_choices import LANGS
from manifest.i18n import language_from_environment, speaking, words

if TYPE_CHECKING:
    from manifest.diagnostics import Lang

LANG_HELP = "Language of help, messages and reports (default: es when the locale is Spanish, else en)."
DEBUG_HELP = "Show the traceback of an internal error (exit 3); MANIFEST_DEBUG=1 does the same."
# Set to 1 (or any value but 0 or nothing), the traceback of an internal error is shown as with --debug.
DEBUG_VARIABLE = "MANIFEST_DEBUG"

LANGUAGE: ContextVar[Lang | None] = ContextVar("manifest_language", default=None)
Decorated = TypeVar("Decorated", bound=Callable[..., Any])


def language(lang: str | None = None) -> Lang:
    """``lang`` when given, else the language chosen for this run, else the locale's."""
    if lang == "es":
        return "es"
    if lang == "en":
        return "en"
    chosen = LANGUAGE.get()
    return chosen if chosen is not None else language_from_environment()


def said(text: str, context: str | None = None) -> str:
    """``text`` in the language of this run: its translation in the catalogue, or itself in English."""
    catalogue = words(language())
    return catalogue.gettext(text) if context is None else catalogue.pgettext(context, text)


def requested_debug(args: Sequence[str], environ: dict[str, str] | None = None) -> bool:
    """Whether ``--debug`` stands anywhere on the command line (not after ``--``), or MANIFEST_DEBUG asks for it."""
    environ = dict(os.environ) if environ is None else environ
    if environ.get(DEBUG_VARIABLE, "") not in ("", "0"):
        return True
    for token in args:
        if token == "--":
            break
        if token == "--debug":
            return True
    return False


def requested_language(args: Sequence[str]) -> str | None:
    """The value of the last ``--lang`` on the command line, wherever it stands (not after ``--``)."""
    found = None
    tokens = iter(args)
    for token in tokens:
        if token == "--":
            break
        if token == "--lang":
            found = next(tokens, None)
        elif token.startswith("--lang="):
            found = token.partition("=")[2]
    return found


class Said:
    """An attribute of a Click object kept in English and read in the language of the run (help, metavar)."""

    def __init__(self, context: str | None = None, english: str | None = None) -> None:
        self.context = context
        self.english = english
        self.slot = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = f"_english_{name}"

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        english = getattr(instance, self.slot, self.english)
        return None if english is None else said(docstrings.cleandoc(english), self.context)

    def __set__(self, instance: object, value: str | None) -> None:
        setattr(instance, self.slot, value)


class Option(click.Option):
    help = Said()

    def make_metavar(self, ctx: click.Context) -> str:
        return said(super().make_metavar(ctx), "metavar")


class Argument(click.Argument):
    def make_metavar(self, ctx: click.Context) -> str:
        return said(super().make_metavar(ctx), "metavar")


class SaidPath(click.Path):
    # Click names the kind of path ("file") when the type is made, at import, before the language is known.
    name = Said()


class SaidIntRange(click.IntRange):
    name = Said(english="integer range")


def help_option_said(option: click.Option | None) -> click.Option | None:
    # Click makes a command's --help option once and keeps it, its help worded in the language of that first use.
    if option is not None:
        option.help = said("Show this message and exit.")
    return option


class Command(click.Command):
    help = Said()
    short_help = Said()
    epilog = Said()
    options_metavar = Said("metavar")

    def get_short_help_str(self, limit: int = 45) -> str:
        """The first paragraph of the help, whole: the group's list of commands wraps it where Click would cut it
        at ``limit`` characters with an ellipsis."""
        if self.short_help:
            return str(self.short_help)
        return " ".join((self.help or "").split("\n\n")[0].split())

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        return help_option_said(super().get_help_option(ctx))

    # Whether the collector runs again as the command begins (see manifest.cli_start), or when the command says so.
    resumes_collector = True

    def invoke(self, ctx: click.Context) -> Any:
        if self.resumes_collector:
            cli_start.resume()
        return super().invoke(ctx)


class LoadingCommand(Command):
    """A command that says itself when it has loaded what it works with (:func:`manifest.cli_start.resume`): the
    library modules it imports on its way, after the line is parsed, are most of its start."""

    resumes_collector = False


class Group(click.Group):
    """The ``manifest`` group: chooses the language before Click parses the line, and speaks it meanwhile."""

    command_class = Command
    help = Said()
    short_help = Said()
    epilog = Said()
    options_metavar = Said("metavar")
    subcommand_metavar = Said("metavar")

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        return help_option_said(super().get_help_option(ctx))

    def main(self, *args: Any, **kwargs: Any) -> Any:
        given = kwargs["args"] if "args" in kwargs else (args[0] if args else None)
        if given is None:
            cli_start.pause()  # the process is the command's own (see manifest.cli_start)
        arguments = sys.argv[1:] if given is None else given
        lang = language(requested_language(arguments))
        token = LANGUAGE.set(lang)
        try:
            with speaking(lang):
                try:
                    return super().main(*args, **kwargs)
                except (click.ClickException, click.exceptions.Exit, click.Abort):
                    raise  # Click's own, when it does not exit itself (standalone_mode=False)
                except Exception as error:
                    internal_error(error, debug=requested_debug(arguments))
        finally:
            cli_start.resume()
            LANGUAGE.reset(token)


def internal_error(error: Exception, *, debug: bool) -> None:
    """A defect of this package: one line on stderr naming the file being worked on, the traceback only when asked
    for, and exit 3, so that CI tells a crash from a file with errors (exit 1)."""
    from manifest.checkfile import InternalError, error_line

    if debug:
        click.echo("".join(traceback.format_exception(error)), err=True, nl=False)
    if isinstance(error, InternalError):
        line = said("internal error on {path}: {error}").format(path=error.path, error=error.reason)
    else:
        line = said("internal error: {error}").format(error=error_line(error))
    if not debug:
        line += " " + said("(--debug shows the traceback)")
    fail(line, 3)


@contextmanager
def working_on(path: Path | str) -> Iterator[None]:
    """An internal error escaping the block names ``path`` in the line that reports it."""
    from manifest.checkfile import InternalError, error_line
    from manifest.diagnostics import ParseError

    try:
        yield
    except (ParseError, InternalError, click.ClickException, click.exceptions.Exit, click.Abort):
        raise  # a file that cannot be parsed is the file's fault, reported as a finding
    except Exception as error:
        raise InternalError(str(path), error_line(error)) from error


def option(*declarations: str, **attributes: Any) -> Callable[[Decorated], Decorated]:
    """``click.option`` with its help and metavar in the language of the run."""
    return click.option(*declarations, cls=Option, **attributes)


def argument(*declarations: str, **attributes: Any) -> Callable[[Decorated], Decorated]:
    """``click.argument`` with its metavar in the language of the run."""
    return click.argument(*declarations, cls=Argument, **attributes)


def lang_option(function: Decorated) -> Decorated:
    # Chosen before parsing (Group.main); declared on every command so that it is accepted anywhere.
    return option("--lang", type=click.Choice(LANGS), expose_value=False, help=LANG_HELP)(function)


def debug_option(function: Decorated) -> Decorated:
    # Read before parsing (Group.main), as --lang is, so that an error anywhere in the run is covered.
    return option("--debug", is_flag=True, expose_value=False, help=DEBUG_HELP)(function)


def fail(message: str, code: int = 2) -> None:
    click.echo(f"manifest: {message}", err=True)
    sys.exit(code)


class LazyChoice(click.Choice[str]):
    """A choice whose values are read from their owner when Click first needs them (help, parsing), so that an
    owner that imports the library is not imported for ``--version``."""

    def __init__(self, load: Callable[[], Sequence[str]]) -> None:
        self._load = load
        self._loaded: tuple[str, ...] | None = None
        super().__init__((), case_sensitive=True)

    @property
    def choices(self) -> tuple[str, ...]:
        if self._loaded is None:
            self._loaded = tuple(self._load())
        return self._loaded

    @choices.setter
    def choices(self, _value: object) -> None:
        """Click sets the choices when the type is made; they are read from the owner instead."""
