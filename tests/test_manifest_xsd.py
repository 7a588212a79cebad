"""``schemas/manifest.xsd`` is generated from the model, and a second, independent XSD processor (xmlschema, beside
libxml2 in the reader) accepts both the schema and every file the writer produces."""

from __future__ import annotations

import xmlschema
from hypothesis import given

from manifest import model
from manifest.formats import manifest_xml
from manifest.formats.manifest_xsd import generate
from tests.conftest import REPO, SAMPLES
from tests.strategies.model import manifests

SCHEMA_PATH = REPO / "schemas" / "manifest.xsd"
SECOND_OPINION = xmlschema.XMLSchema10(str(SCHEMA_PATH))


def test_committed_schema_is_the_generated_one() -> None:
    assert SCHEMA_PATH.read_text(encoding="utf-8") == generate(), (
        "run: python -m manifest.formats.manifest_xsd > schemas/manifest.xsd"
    )


def test_samples_are_valid_for_xmlschema_too() -> None:
    samples = sorted(SAMPLES.rglob("*.manifest.xml"))
    assert samples
    for sample in samples:
        SECOND_OPINION.validate(str(sample))


@given(manifests())
def test_every_written_file_is_valid_for_xmlschema(generated: model.Manifest) -> None:
    SECOND_OPINION.validate(manifest_xml.write([generated]).data.decode("utf-8"))
