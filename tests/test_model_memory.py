"""What a read model costs in memory: objects without format-only data share one immutable empty extension map
instead of holding an empty dict each (a 4,000-bill 309 made about 50,000 of them)."""

from __future__ import annotations

import copy
import dataclasses
import gc
import pickle
import types

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


def test_a_whole_read_309_shares_its_ports_quantities_packages_and_type_codes() -> None:
    from benchmarks import replicate

    sample = SAMPLES / "maritime/northbound-vessel-maersk-kensington-647n.synthetic.309"
    (vessel,) = api.read(sample.read_bytes()).manifests
    (grown,) = api.read(api.write([replicate.grow(vessel, 20)], "x12-309").data).manifests
    bills = grown.consignments
    values: dict[str, list[object]] = {
        "ports": [c.place_of_loading for c in bills if c.place_of_loading is not None],
        "quantities": [c.gross_weight for c in bills if c.gross_weight is not None],
        "packages": [c.total_packages for c in bills if c.total_packages is not None],
        "type codes": [e.type_codes for c in bills for e in c.equipment if e.type_codes],
    }
    for name, found in values.items():
        assert len(found) > 40, name
        assert len({id(value) for value in found}) == len(set(found)), name  # one object per distinct value


def test_shared_quantities_keep_the_amount_as_written() -> None:
    from manifest.formats.x12.read309 import shared

    assert shared.quantity("100", "KGM") == shared.quantity("100.0", "KGM")  # equal as numbers ...
    assert str(shared.quantity("100.0", "KGM").value) == "100.0"  # type: ignore[union-attr]
    assert str(shared.quantity("100", "KGM").value) == "100"  # type: ignore[union-attr]  # ... yet each as written


def test_a_bill_s_positions_keep_its_offsets_compactly_and_its_text_once() -> None:
    from manifest.formats.x12.read309.positions import BillPositions
    from manifest.formats.x12.tokens import Lines

    sample = SAMPLES / "maritime/northbound-vessel-maersk-kensington-647n.synthetic.309"
    document = api.read(sample.read_bytes())
    lazy = [found for found in _reachable(document) if isinstance(found, BillPositions)]
    assert len(lazy) == len(document.manifests[0].consignments)
    for positions in lazy:
        assert isinstance(positions._texts, Lines)
        assert positions._offsets.buffer_info()[1] == len(positions._offsets)
        assert len(positions) > 0  # and the positions are still worked out from them


def _reachable(root: object) -> list[object]:
    """Every object ``root`` holds, however deep (classes and modules left out)."""
    found, pending, seen = [], [root], set()
    while pending:
        node = pending.pop()
        if id(node) in seen or isinstance(node, type | types.ModuleType | types.FunctionType):
            continue
        seen.add(id(node))
        found.append(node)
        pending.extend(gc.get_referents(node))
    return found
