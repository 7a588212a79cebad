"""Which language the tool speaks, and its words in that language.

The wording of each diagnostic lives with its code (:func:`manifest.diagnostics.define`). Everything else a person
reads — the command line's help and messages, report and table headings, the labels of ``inspect``, and Click's own
words (``Usage:``, ``Missing argument``...) — is written in English in the code and translated by the gettext
catalogue of the ``manifest`` domain, ``manifest/locale/es/LC_MESSAGES/manifest.po`` (compiled to ``manifest.mo``
by ``python -m manifest.po``). Library code asks for an explicit language through :func:`words`; the command line
also points the process-wide :mod:`gettext` functions, which Click calls, at the same catalogue
(:func:`speaking`).
"""

from __future__ import annotations

import functools
import gettext
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from manifest.diagnostics import Lang
from manifest.po import LOCALE_DIR

DOMAIN = "manifest"
# POSIX: LC_ALL overrides LC_MESSAGES, which overrides LANG; the first one set decides.
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def language_from_environment(environ: Mapping[str, str] | None = None) -> Lang:
    """Spanish when the locale that governs messages is a Spanish one (``es``, ``es_MX.UTF-8``...), else English."""
    environ = os.environ if environ is None else environ
    for name in LOCALE_VARIABLES:
        value = environ.get(name)
        if value:
            return "es" if value.lower().startswith("es") else "en"
    return "en"


@functools.cache
def words(lang: Lang) -> gettext.NullTranslations:
    """The catalogue of ``lang``; English is the text of the code itself, so it has none."""
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)


class WordedError(Exception):
    """An error whose message is an entry of the catalogue: the English template and its values, so that the
    command line can say it in either language; ``str()`` is the English."""

    def __init__(self, template: str, **values: Any) -> None:
        super().__init__(template.format(**values))
        self.template = template
        self.values = values

    def said(self, lang: Lang) -> str:
        values = {name: v.said(lang) if isinstance(v, WordedError) else v for name, v in self.values.items()}
        return words(lang).gettext(self.template).format(**values)

    def __reduce__(self) -> tuple[Any, ...]:
        # Batches raise these in worker processes; the template and values travel, not just the English.
        return _rebuild_worded, (type(self), self.template, self.values)


def _rebuild_worded(kind: type[WordedError], template: str, values: dict[str, Any]) -> WordedError:
    return kind(template, **values)


@contextmanager
def speaking(lang: Lang) -> Iterator[None]:
    """Make :func:`gettext.gettext` and :func:`gettext.ngettext` (which Click calls) answer in ``lang`` meanwhile.

    gettext's process-wide functions look the language up in ``LANGUAGE`` first (GNU gettext manual, "Specifying
    a Priority List of Languages"); setting it to the one language already chosen makes them agree with the
    choice made from ``--lang`` and the locale. The previous domain and ``LANGUAGE`` come back afterwards.
    """
    previous_domain = gettext.textdomain()
    previous_language = os.environ.get("LANGUAGE")
    gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = lang
    try:
        yield
    finally:
        gettext.textdomain(previous_domain)
        if previous_language is None:
            os.environ.pop("LANGUAGE", None)
        else:
            os.environ["LANGUAGE"] = previous_language
