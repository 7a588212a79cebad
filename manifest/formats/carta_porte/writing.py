"""What the parts of the Carta Porte writer share: the manifest being written and the losses found on the way."""

from __future__ import annotations

from typing import Any

from lxml import etree

from manifest.diagnostics import Diagnostic
from manifest.formats.carta_porte import messages
from manifest.model import Manifest


class WritingContext:
    def __init__(self, manifest: Manifest) -> None:
        self.m = manifest
        self.ext = dict(manifest.extensions)
        self.losses: list[Diagnostic] = []
        self.notes: list[Diagnostic] = []

    def _missing(self, location: str) -> None:
        self.notes.append(messages.MISSING_REQUIRED(what=location, location=location))

    def _set(self, element: Any, attribute: str, value: str | None, *, required: bool = False) -> None:
        if value is not None and value != "":
            element.set(attribute, value)
        elif required and element.get(attribute) is None:
            self._missing(f"{etree.QName(element).localname}/@{attribute}")
