"""Every writer is total: any model, with any text in it (control characters, lone carriage returns, characters no
EDI repertoire has), is written or its values are listed as losses; the library never raises from a writer. What a
writer produced is read by the same format's reader without an exception other than ParseError."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from manifest import formats
from manifest.diagnostics import ParseError
from manifest.model import Manifest
from tests.strategies.model import manifests

# Lone surrogates are left out: no reader can produce them (every input is decoded strictly or with a
# replacement), so no model a user holds contains one.
ANY_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=12)


@pytest.mark.parametrize("name", list(formats.FORMATS))
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(manifest=manifests(text=ANY_TEXT))
def test_any_model_is_written_or_its_values_listed(name: str, manifest: Manifest) -> None:
    format_ = formats.get(name)
    written = format_.write([manifest])
    assert isinstance(written.data, bytes)
    assert written.data or written.losses  # nothing written only when what was left behind is listed
    assert all(loss.field for loss in written.losses)
    if not written.data:
        return
    try:
        format_.read(written.data)
    except ParseError as error:
        assert error.diagnostic.line is not None
