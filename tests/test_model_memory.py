"""What a read model costs in memory: objects without format-only data share one immutable empty extension map
instead of holding an empty dict each (a 4,000-bill 309 made about 50,000 of them)."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest

from manifest import api
from manifest.model import NO_EXTENSIONS, Address, Party, PartyRole
from tests.conftest import SAMPLES


def empty_extension_maps(root: object) -> tuple[int, set[int]]:
    """How many model objects have empty extensions, and the distinct maps they hold."""
    objects, maps = 0, set()
    pending, seen = [root], set()
    while pending:
        node = pending.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, tuple):
            pending.extend(node)
        elif dataclasses.is_dataclass(node) and not isinstance(node, type):
            for spec in dataclasses.fields(node):
                value = getattr(node, spec.name)
                if spec.name == "extensions" and not value:
                    objects += 1
                    maps.add(id(value))
                pending.append(value)
    return objects, maps


def test_objects_without_extensions_share_one_map() -> None:
    sample = SAMPLES / "maritime/northbound-vessel-maersk-kensington-647n.synthetic.309"
    (manifest,) = api.read(sample.read_bytes()).manifests
    objects, maps = empty_extension_maps(manifest)
    assert objects > 20
    assert maps <= {id(NO_EXTENSIONS)}


def test_the_shared_map_is_immutable_and_survives_copies() -> None:
    party = Party(role=PartyRole.SHIPPER, name="ACME", address=Address(city="Laredo"))
    assert party.extensions is NO_EXTENSIONS and party.extensions == {}
    with pytest.raises(TypeError):
        party.extensions["x12.N1.05"] = "1"  # type: ignore[index]
    for copied in (pickle.loads(pickle.dumps(party)), copy.deepcopy(party), dataclasses.replace(party)):
        assert copied == party
        assert copied.extensions is NO_EXTENSIONS
    assert Party(role=PartyRole.SHIPPER, name="ACME", address=Address(city="Laredo"), extensions={}) == party


def test_equal_x12_values_share_one_string_and_the_memory_of_them_is_bounded() -> None:
    from manifest.formats.x12 import tokens
    from manifest.formats.x12.delimiters import Delimiters

    tokenizer = tokens.Tokenizer(Delimiters())
    first, second = tokenizer.feed("N1*SH*PACIFIC BEVERAGE IMPORTS INC~N1*CN*PACIFIC BEVERAGE IMPORTS INC~")
    assert first.elements[2] == second.elements[2]
    assert first.elements[2] is second.elements[2]
    distinct = "".join(f"REF*BM*{n}~" for n in range(tokens.KNOWN_VALUES + 10_000))
    assert sum(1 for _ in tokenizer.feed(distinct)) == tokens.KNOWN_VALUES + 10_000
    assert len(tokenizer._values) <= tokens.KNOWN_VALUES + tokens.WINDOW


def test_a_whole_read_309_shares_the_values_its_bills_repeat() -> None:
    from benchmarks import replicate

    sample = SAMPLES / "maritime/northbound-vessel-maersk-kensington-647n.synthetic.309"
    (vessel,) = api.read(sample.read_bytes()).manifests
    (grown,) = api.read(api.write([replicate.grow(vessel, 20)], "x12-309").data).manifests
    countries = [p.address.country for c in grown.consignments for p in c.parties if p.address and p.address.country]
    weights = [c.gross_weight.value for c in grown.consignments if c.gross_weight is not None]
    assert len(countries) > 40 and len(weights) > 40
    assert len({id(country) for country in countries}) == len(set(countries))
    assert len({id(weight) for weight in weights}) == len(set(weights))
