"""The large SAT catalogues cut out of the shipped XSD text are exactly what a full XML parse of the files finds, and
the schemas left for libxml2 are the files without those values and nothing else changed."""

from __future__ import annotations

from lxml import etree

from manifest.formats.carta_porte import catalogues, schema

_XS = "{http://www.w3.org/2001/XMLSchema}"


def _parsed(data: bytes) -> etree._Element:
    return etree.fromstring(data, etree.XMLParser(huge_tree=True, resolve_entities=False, no_network=True))


def _every_type() -> set[str]:
    names: set[str] = set()
    for relative in catalogues.FILES:
        root = _parsed((schema.cfd_directory() / relative).read_bytes())
        names |= {str(t.get("name")) for t in root.iterchildren(f"{_XS}simpleType")}
    return names


def test_the_large_catalogues_are_those_of_a_full_parse() -> None:
    base = schema.cfd_directory()
    wanted = _every_type()
    loaded = catalogues.load(base, wanted)
    expected: dict[str, frozenset[str]] = {}
    for relative in catalogues.FILES:
        path = base / relative
        original = _parsed(path.read_bytes())
        for simple_type in original.iterchildren(f"{_XS}simpleType"):
            codes = frozenset(str(e.get("value")) for e in simple_type.iter(f"{_XS}enumeration"))
            if len(codes) >= catalogues.LARGE:
                expected[str(simple_type.get("name"))] = codes
                for restriction in simple_type.iterchildren(f"{_XS}restriction"):
                    for code in restriction.findall(f"{_XS}enumeration"):
                        restriction.remove(code)
        stripped = _parsed(loaded.schemas[path.as_uri()])
        assert etree.tostring(stripped, method="c14n") == etree.tostring(original, method="c14n"), relative
    assert loaded.values == expected
    assert {"c_CodigoPostal", "c_ClaveProdServCP", "c_FraccionArancelaria"} <= set(expected)


def test_only_the_wanted_catalogues_are_cut() -> None:
    loaded = catalogues.load(schema.cfd_directory(), ["c_Estaciones", "c_Moneda"])
    assert set(loaded.values) == {"c_Estaciones"}  # c_Moneda is short: libxml2 keeps checking it
    carta_porte = next(uri for uri in loaded.schemas if uri.endswith("catCartaPorte.xsd"))
    kept = b'name="c_ClaveProdServCP"><xs:restriction base="xs:string"><xs:whiteSpace value="collapse"/><xs:enum'
    assert kept in loaded.schemas[carta_porte]  # not wanted, so left whole


def test_a_large_catalogue_no_schema_names_is_cut_and_not_kept() -> None:
    base = schema.cfd_directory()
    assert not any("c_Colonia" in path.read_text(encoding="utf-8") for path in (base / "CartaPorte").glob("*.xsd"))
    loaded = catalogues.load(base, ["c_Estaciones"])
    assert set(loaded.values) == {"c_Estaciones"}
    cfdi = next(text for uri, text in loaded.schemas.items() if uri.endswith("/catCFDI.xsd"))
    by_name = {t.get("name"): t for t in _parsed(cfdi).iterchildren(f"{_XS}simpleType")}
    assert next(by_name["c_Colonia"].iter(f"{_XS}enumeration"), None) is None
    assert next(by_name["c_ClaveProdServ"].iter(f"{_XS}enumeration"), None) is not None  # named by cfdv40.xsd


def test_codes_answer_as_their_set_before_and_after_it_is_built() -> None:
    codes = frozenset(catalogues.load(schema.cfd_directory(), ["c_Estaciones"]).values["c_Estaciones"])
    kept = catalogues.Codes(catalogues.Codes.text_of(codes))
    plain = [*sorted(codes)[:3], "", "PM", " PM001", "PM0011", sorted(codes)[-1]] * catalogues.Codes.SEARCHES
    asked = [*plain[: catalogues.Codes.SEARCHES], "PM001\nPM002", 5, *plain]
    searched = [code in kept for code in asked[: catalogues.Codes.SEARCHES]]
    assert kept._set is None  # every answer so far came from the text
    answered = searched + [code in kept for code in asked[catalogues.Codes.SEARCHES :]]
    assert kept._set == codes
    assert answered == [code in codes for code in asked]
