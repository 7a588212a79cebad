"""manifest: read, validate and convert US (CBP ACE) and Mexican (SAT/VUCEM) cargo manifests.

The public API is what this module exports; everything else is internal. Submodules are loaded on first use so
that importing ``manifest`` stays cheap for command-line start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from manifest.api import Conversion, FileReport, convert, read, validate, write
    from manifest.core.document import Document, Written
    from manifest.diagnostics import Diagnostic, ParseError, Position, Severity
    from manifest.formats import FORMATS
    from manifest.model import Consignment, Equipment, GoodsItem, Manifest, Mode, Party
    from manifest.singlewindow import reconcile

_EXPORTS = {
    "read": "manifest.api",
    "write": "manifest.api",
    "validate": "manifest.api",
    "convert": "manifest.api",
    "Conversion": "manifest.api",
    "FileReport": "manifest.api",
    "Diagnostic": "manifest.diagnostics",
    "ParseError": "manifest.diagnostics",
    "Position": "manifest.diagnostics",
    "Severity": "manifest.diagnostics",
    "FORMATS": "manifest.formats",
    "Document": "manifest.core.document",
    "Written": "manifest.core.document",
    "Manifest": "manifest.model",
    "Consignment": "manifest.model",
    "GoodsItem": "manifest.model",
    "Equipment": "manifest.model",
    "Party": "manifest.model",
    "Mode": "manifest.model",
    "reconcile": "manifest.singlewindow",
}

__all__ = [
    "FORMATS",
    "Consignment",
    "Conversion",
    "Diagnostic",
    "Document",
    "Equipment",
    "FileReport",
    "GoodsItem",
    "Manifest",
    "Mode",
    "ParseError",
    "Party",
    "Position",
    "Severity",
    "Written",
    "__version__",
    "convert",
    "read",
    "reconcile",
    "validate",
    "write",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'manifest' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
