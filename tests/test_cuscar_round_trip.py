"""Round trips: any manifest CUSCAR carries reads back equal, and writing lists no loss."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from manifest.formats import cuscar
from manifest.model import Manifest
from tests.strategies.cuscar import manifests


@given(st.lists(manifests(), min_size=1, max_size=2))
def test_write_then_read_gives_the_same_manifests(originals: list[Manifest]) -> None:
    written = cuscar.write(originals)
    assert [d.field for d in written.losses] == []
    document = cuscar.read(written.data)
    # EDI020 guesses at UTF-8 read as ISO 8859-1; random Latin-1 text can look like that, and it is a warning.
    assert [d for d in document.diagnostics if d.code != "EDI020"] == []
    assert list(document.manifests) == originals


@given(manifests(wide=True))
def test_text_beyond_latin_1_goes_out_as_unow(original: Manifest) -> None:
    written = cuscar.write([original])
    (back,) = cuscar.read(written.data).manifests
    assert back == original
    if original.conveyance is not None and any(ord(c) > 0xFF for c in original.conveyance.name or ""):
        assert b"UNOW:4" in written.data[:40]
