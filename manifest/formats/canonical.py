"""The shape of the model as data, shared by ``manifest-json`` and ``manifest-xml``: defined in
:mod:`manifest.core.canonical`, where the requirements engine reads it too, and named here for the formats."""

from __future__ import annotations

from manifest.core.canonical import (
    BAD_VALUE,
    MISSING_FIELD,
    NAMESPACE,
    SCHEMA_VERSION,
    UNKNOWN_FIELD,
    WRONG_SHAPE,
    FieldSpec,
    Kind,
    ScalarError,
    ScalarType,
    TreeDecoder,
    expected_name,
    field_specs,
    fields_of,
    iso_moment,
    scalar_from_text,
    scalar_to_text,
    to_tree,
)

__all__ = [
    "BAD_VALUE",
    "MISSING_FIELD",
    "NAMESPACE",
    "SCHEMA_VERSION",
    "UNKNOWN_FIELD",
    "WRONG_SHAPE",
    "FieldSpec",
    "Kind",
    "ScalarError",
    "ScalarType",
    "TreeDecoder",
    "expected_name",
    "field_specs",
    "fields_of",
    "iso_moment",
    "scalar_from_text",
    "scalar_to_text",
    "to_tree",
]
