"""Files the package ships beside its modules: code lists, the requirements catalogue, the XSDs.

``importlib.resources`` finds them too, also inside a zipped package, but its import brings in ``tempfile``,
``shutil`` and ``zipfile``, about a twentieth of the start of ``manifest validate`` of a small file. The package is
installed as files (libxml2 is handed its XSDs by path), so its data is found beside this module.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).parent


def packaged(*parts: str) -> Path:
    """A file or folder of the installed package, by its parts below ``manifest/``."""
    return PACKAGE.joinpath(*parts)
