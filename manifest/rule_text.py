"""A rule's message as a person reads it in the catalogue, before any finding fills it in.

A message template names what a finding fills in (``$field is required``, ``'$value' is not a Schedule D port``). In
the listing of ``manifest rules`` the placeholders are said in words: ``$field`` by the fields the rule checks (``the
bill's gross weight``, ``el peso bruto del conocimiento``), the others by what they stand for in angle quotes
(``‹value›``, ``‹valor›``), so that no ``$`` is left in the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from manifest.core.paths import Attr, Key, PathError, Select, Step, parse
from manifest.diagnostics import Lang

# Words for the model's names, in English and in Spanish with its article: the things that hold a field, and the
# fields the catalogue's rules name where a message says $field.
_THINGS: dict[str, tuple[str, str]] = {
    "consignments": ("bill", "el conocimiento"),
    "goods": ("goods item", "la mercancía"),
    "equipment": ("equipment", "el equipo"),
    "container": ("container", "el contenedor"),
    "railcar": ("rail car", "el carro"),
    "shipper": ("shipper", "el remitente"),
    "consignee": ("consignee", "el destinatario"),
    "departure": ("departure", "la salida"),
    "arrival": ("arrival", "la llegada"),
    "parties": ("party", "la parte"),
    "crew": ("crew member", "el tripulante"),
    "conveyance": ("conveyance", "el medio de transporte"),
}
_FIELDS: dict[str, tuple[str, str]] = {
    "name": ("name", "el nombre"),
    "address": ("address", "el domicilio"),
    "total_packages": ("total pieces", "el total de bultos"),
    "gross_weight": ("gross weight", "el peso bruto"),
    "net_weight": ("net weight", "el peso neto"),
    "place": ("place", "el lugar"),
    "code": ("code", "el código"),
    "moment": ("date", "la fecha"),
    "seals": ("seals", "los sellos"),
    "equipment_ids": ("equipment", "el equipo"),
    "tax_ids": ("tax id", "el identificador fiscal"),
    "country": ("country", "el país"),
    "description": ("description", "la descripción"),
    "document_number": ("number", "el número"),
    "trip_number": ("trip number", "el número de viaje"),
    "family_name": ("family name", "los apellidos"),
    "given_names": ("given names", "los nombres"),
    "date_of_birth": ("date of birth", "la fecha de nacimiento"),
    "gender": ("gender", "el sexo"),
    "citizenship": ("citizenship", "la nacionalidad"),
    "vin": ("VIN", "el NIV"),
    "vehicle_plate": ("licence plate", "la placa"),
    "usdot_number": ("USDOT number", "el número USDOT"),
}
# The other placeholders, by what they stand for.
_PLACEHOLDERS: dict[str, tuple[str, str]] = {
    "value": ("value", "valor"),
    "other": ("other value", "otro valor"),
    "other_field": ("other field", "otro campo"),
    "length": ("length", "longitud"),
    "sum": ("sum", "suma"),
    "limit": ("limit", "límite"),
    "country": ("country", "país"),
    "goods": ("goods", "mercancías"),
}
# $$ (a dollar sign), $name or ${name}, with the quotes around it when it stands quoted ('$value').
_PLACEHOLDER = re.compile(r"\$\$|'?\$(?:\{(?P<braced>\w+?)\}|(?P<plain>[A-Za-z_]\w*?))(?:_es)?\b'?")


def readable(template: str, fields: Sequence[str], lang: Lang = "en") -> str:
    """``template`` with its placeholders in words: ``$field`` by ``fields``, the others by their names."""

    def said(match: re.Match[str]) -> str:
        if match.group() == "$$":
            return "$"
        name = match["braced"] or match["plain"]
        if name == "field" and fields:
            return field_phrase(fields, lang)
        english, spanish = _PLACEHOLDERS.get(name, (name.replace("_", " "), name.replace("_", " ")))
        return f"‹{spanish if lang == 'es' else english}›"

    text = _PLACEHOLDER.sub(said, template)
    return re.sub(r"\bde el\b", "del", text) if lang == "es" else text  # Spanish contracts "de el" to "del"


def field_phrase(fields: Sequence[str], lang: Lang = "en") -> str:
    """The fields a rule checks, in words, joined by "or" (``the shipper or the consignee``)."""
    phrases = list(dict.fromkeys(describe(path, lang) for path in fields))
    if len(phrases) == 1:
        return phrases[0]
    return f"{', '.join(phrases[:-1])} {'o' if lang == 'es' else 'or'} {phrases[-1]}"


def describe(path: str, lang: Lang = "en") -> str:
    """A model path in words: ``consignments[*].gross_weight`` is the bill's gross weight, the last thing it passes
    through (a party by its role, equipment by its kind) owning the field."""
    owner: str | None = None
    try:
        components = _components(parse(path))
    except PathError:
        return path
    for at, (name, selector) in enumerate(components):
        thing = _selected(name, selector) if name in _THINGS else None
        last = at == len(components) - 1
        if last and name in _FIELDS and not (name == "parties" and thing):
            return _possessive(_FIELDS[name], owner, lang)
        if last:
            return _thing(thing or name, lang)
        owner = thing or (name if name in _THINGS else owner)
    return path


def _components(steps: tuple[Step, ...]) -> list[tuple[str, str]]:
    """Each field a path passes through, with the ``key=values`` it selects its items by (empty if none); an
    extension entry is a field named by its key."""
    components: list[tuple[str, str]] = []
    for step in steps:
        if isinstance(step, Attr):
            components.append((step.name, ""))
        elif isinstance(step, Key):
            components.append((step.key, ""))
        elif isinstance(step, Select) and components:
            components[-1] = (components[-1][0], f"{step.key}={'|'.join(step.values)}")
    return components


def _selected(name: str, selector: str) -> str:
    """A party by its role(s) and equipment by its kind, where the path selects them; else the thing itself."""
    key, _, values = selector.partition("=")
    if key in ("role", "kind"):
        return values
    return name


def _thing(name: str, lang: Lang) -> str:
    words = [_THINGS.get(part, (part.replace("_", " "), part.replace("_", " "))) for part in name.split("|")]
    if lang == "es":
        return " o ".join(spanish for _, spanish in words)
    return " or ".join(f"the {english}" for english, _ in words)


def _possessive(field: tuple[str, str], owner: str | None, lang: Lang) -> str:
    english, spanish = field
    if owner is None:
        return spanish if lang == "es" else f"the {english}"
    owners = [_THINGS.get(part, (part, part)) for part in owner.split("|")]
    if lang == "es":
        of = " o ".join(s for _, s in owners)
        return f"{spanish} de {of}".replace(" de el ", " del ")  # the contraction of "de el"
    return f"the {' or '.join(e + chr(39) + 's' for e, _ in owners)} {english}"
