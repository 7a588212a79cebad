"""Generated documentation stays in step with the code."""

from __future__ import annotations

from manifest.codes import all_messages, render
from tests.conftest import REPO


def test_codes_page_is_up_to_date() -> None:
    expected = render(all_messages())
    assert (REPO / "docs" / "codes.md").read_text(encoding="utf-8") == expected, (
        "run: python -m manifest.codes > docs/codes.md"
    )
