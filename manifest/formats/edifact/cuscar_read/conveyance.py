"""The voyage of a CUSCAR message: the TDT transport group with its carrier and conveyance, the LOC places (ports of
departure and arrival, customs office, and the places of a consignment or the origin of a goods item) and the DTM
dates of the stops."""

from __future__ import annotations

import re
from typing import Any

from manifest.codelists import contains, crosswalks
from manifest.diagnostics import Diagnostic
from manifest.formats.edifact import cuscar_codes as C
from manifest.formats.edifact.cuscar_read.positions import spot
from manifest.formats.edifact.cuscar_read.state import NS, Ext, ReadState, keep
from manifest.formats.edifact.dates import (
    FORMAT_CODES,
    KNOWN_FORMATS,
    TIME_FORMATS,
    is_time_of_day,
    parse_moment,
)
from manifest.formats.edifact.rawtext import compose, extra_key, segment_text
from manifest.formats.edifact.segments import Segment
from manifest.formats.readers import ascii_digits
from manifest.model import Carrier, Conveyance, Direction, Mode, Place, PlaceScheme, Stop

_UNLOCODE = re.compile(r"[A-Z]{2}[A-Z2-9]{3}\Z")
_SCAC = re.compile(r"[A-Z]{2,4}\Z")


def tdt(state: ReadState, s: Segment) -> None:
    if state.consignment is not None:
        state.consignment_extra(s)
        return
    state.context = "tdt"
    state.stop = None
    state.transport_groups += 1
    ext = state.ext
    # TDT 8051 transport stage (20 main carriage), 8028 conveyance reference (voyage), C220 8067 mode (1 sea).
    if s.get(1) != "20":
        ext[f"{NS}.TDT.01"] = compose(s.components(1))
    voyage = s.get(2)
    if voyage:
        state.values["trip_number"] = voyage
        if state.record:
            state.spots["trip_number"] = spot(s, 2, 1)
    state.mode = transport_mode(s.get(3, 1))
    if s.components(3) != [crosswalks.translate("transport-modes", "model-mode", "unece-rec19", state.mode.value)]:
        ext[f"{NS}.TDT.03"] = compose(s.components(3))
    keep(ext, s, (4, 6, 7), "TDT")
    if any(s.components(5)):
        state.values["carrier"] = _carrier(state, s)
    if any(s.components(8)):
        state.values["conveyance"] = _conveyance(state, s)
    keep(ext, s, (9, 10), "TDT")


def _carrier(state: ReadState, s: Segment) -> Carrier:
    # TDT C040: 3127 carrier id (a SCAC under code list 172, agency 3), 1131, 3055, 3128 carrier name.
    carrier: dict[str, Any] = {}
    carrier_ext: Ext = {}
    c040 = s.components(5)
    code, agency = s.get(5, 1), s.get(5, 3)
    if code and _SCAC.match(code) and agency in (C.AGENCY_SCAC, "") and s.get(5, 2) in (C.LIST_CARRIER, ""):
        carrier["scac"] = code
        if state.record:
            state.spots["carrier.scac"] = spot(s, 5, 1)
        if s.get(5, 2) != C.LIST_CARRIER or agency != C.AGENCY_SCAC:
            carrier_ext[f"{NS}.TDT.05"] = compose(c040[:3])
    elif code or s.get(5, 2) or agency:
        carrier_ext[f"{NS}.TDT.05"] = compose(c040[:3])
    if s.get(5, 4):
        carrier["name"] = s.get(5, 4)
        if state.record:
            state.spots["carrier.name"] = spot(s, 5, 4)
    if state.record:
        state.spots["carrier"] = spot(s, 5, 1)
    return Carrier(extensions=carrier_ext, **carrier)


def _conveyance(state: ReadState, s: Segment) -> Conveyance:
    # TDT C222: 8213 transport means id (IMO number under code list 146, call sign under 103), 1131, 3055,
    # 8212 transport means name, 8453 nationality.
    conveyance: dict[str, Any] = {}
    conveyance_ext: Ext = {}
    ident, listed, agency = s.get(8, 1), s.get(8, 2), s.get(8, 3)
    if ident:
        if listed == C.LIST_IMO:
            conveyance["imo_number"] = ident.removeprefix("IMO").strip()
            if state.record:
                state.spots["conveyance.imo_number"] = spot(s, 8, 1)
            if conveyance["imo_number"] != ident:
                conveyance_ext[f"{NS}.TDT.08.8213"] = ident
        elif listed == C.LIST_CALL_SIGN:
            conveyance["call_sign"] = ident
            if state.record:
                state.spots["conveyance.call_sign"] = spot(s, 8, 1)
        else:
            conveyance_ext[f"{NS}.TDT.08.8213"] = ident
            conveyance_ext[f"{NS}.TDT.08.1131"] = listed
    if agency:
        conveyance_ext[f"{NS}.TDT.08.3055"] = agency
    if s.get(8, 4):
        conveyance["name"] = s.get(8, 4)
        if state.record:
            state.spots["conveyance.name"] = spot(s, 8, 4)
    if s.get(8, 5):
        conveyance["flag"] = s.get(8, 5)
        if state.record:
            state.spots["conveyance.flag"] = spot(s, 8, 5)
    if state.record:
        state.spots["conveyance"] = spot(s, 8, 1)
    return Conveyance(extensions=conveyance_ext, **conveyance)


def loc(state: ReadState, s: Segment) -> None:
    qualifier = s.get(1)
    goods = state.goods
    if state.context in ("gid", "dgs") and goods is not None:
        if qualifier == C.LOC_ORIGIN and s.get(2) and "origin_country" not in goods.values:
            goods.values["origin_country"] = s.get(2)
            state.spot_goods("origin_country", s, 2, 1)
            if len([c for c in s.components(2) if c]) > 1:
                goods.ext[f"{NS}.LOC.27"] = compose(s.components(2))
            return
        state.goods_extra(s)
        return
    if state.consignment is not None:
        field_name = C.LOC_CONSIGNMENT.get(qualifier)
        if field_name is None or field_name in state.consignment.values or state.context not in ("cni", "cni-nad"):
            state.consignment_extra(s)
            return
        path = f"consignments[{state.consignment_index}].{field_name}"
        state.consignment.values[field_name] = place(state, s, path)
        state.context = "cni"
        return
    if qualifier in C.LOC_DEPARTURE or qualifier in C.LOC_ARRIVAL:
        name = "departure" if qualifier in C.LOC_DEPARTURE else "arrival"
        if name not in state.values:
            ext: Ext = {}
            default = (C.LOC_DEPARTURE if name == "departure" else C.LOC_ARRIVAL)[0]
            if qualifier != default:
                ext[f"{NS}.LOC.01"] = qualifier
            stop = {
                "place": place(state, s, f"{name}.place"),
                "ext": ext,
                "path": name,
                "dtm": C.DTM_DEPARTURE if name == "departure" else C.DTM_ARRIVAL,
                "extras": 0,
                "group": state.transport_groups,
            }
            state.values[name] = stop
            state.stop = stop
            state.context = "loc"
            return
    if qualifier == C.LOC_CUSTOMS_OFFICE and "office_of_entry" not in state.values:
        state.values["office_of_entry"] = place(state, s, "office_of_entry")
        state.stop = None
        state.context = "loc"
        return
    state.stop = None
    state.route_extra(s)


def dtm(state: ReadState, s: Segment) -> None:
    qualifier, value, fmt = s.values(1, 3)
    moment = parse_moment(value, fmt)
    if value and moment is None:
        unread = _unread_date(s, value, fmt or "102")
        if unread is not None:
            state.report(unread)
    if state.context == "dgs" or state.context == "gid":
        state.goods_extra(s)
        return
    if state.context not in ("loc", "tdt"):
        state.route_extra(s)
        return
    # The transport group lists its LOCs and then their DTMs (D.95B segment table: TDT, LOC C99, DTM C99): a DTM
    # dates the stop its qualifier names (departure 133, 186; arrival 132, 178, 232). Files that give each LOC its
    # DTM right after it are read as before: a DTM dates the stop of the LOC before it when its qualifier fits.
    stop = state.stop
    if moment is not None and (stop is None or "moment" in stop or qualifier not in stop["dtm"]):
        stop = _dated(state, qualifier) or stop
    if stop is None:
        state.route_extra(s)
        return
    state.stop = stop
    if "moment" not in stop and moment is not None and qualifier in stop["dtm"]:
        stop["moment"] = moment
        if qualifier != stop["dtm"][0]:
            stop["ext"][f"{NS}.DTM.01"] = qualifier
        if state.record:
            state.spots[f"{stop['path']}.moment"] = spot(s, 1, 2)
    else:
        # A date that dates no stop is kept with the stop of the segment before it, as it came.
        stop["ext"][extra_key(NS, stop["extras"])] = segment_text(s)
        stop["extras"] += 1


def _dated(state: ReadState, qualifier: str) -> dict[str, Any] | None:
    """The stop of the open transport group, not yet dated, that a DTM of ``qualifier`` dates."""
    for name, qualifiers in (("departure", C.DTM_DEPARTURE), ("arrival", C.DTM_ARRIVAL)):
        stop = state.values.get(name)
        if (
            qualifier in qualifiers
            and isinstance(stop, dict)
            and "moment" not in stop
            and stop["group"] == state.transport_groups
        ):
            return stop
    return None


def _unread_date(s: Segment, value: str, fmt: str) -> Diagnostic | None:
    """Why a DTM value gives no moment, if it needs saying. A time of day (401, 402) is valid and kept as it came; so
    is a value in a UNCL 2379 format this reader does not read (a period, a week, a duration), which is said as
    information; a value that is not what its format says is an error."""
    where = s.location(1, 2)
    if fmt in TIME_FORMATS and is_time_of_day(value, fmt):
        return None
    if fmt not in FORMAT_CODES:
        return C.NOT_A_CODE(
            location=s.location(1, 3),
            value=fmt,
            name="date/time/period format code",
            name_es="código de formato de fecha/hora/periodo",
            list="UNCL 2379",
        ).at(s.position(1, 3))
    if fmt not in KNOWN_FORMATS and fmt not in TIME_FORMATS:  # a code of UNCL 2379 this reader does not read
        return C.UNREAD_DATE_FORMAT(location=where, value=value, format=fmt).at(s.position(1, 2))
    return C.BAD_DATE(location=where, value=value, format=fmt).at(s.position(1, 2))


def place(state: ReadState, s: Segment, path: str) -> Place:
    """The place of a LOC segment, found at model path ``path``."""
    if state.record:
        state.spots[path] = spot(s, 2, 1)
        if s.get(2, 1):
            state.spots[f"{path}.code"] = spot(s, 2, 1)
        if s.get(2, 4):
            state.spots[f"{path}.name"] = spot(s, 2, 4)
    if s.delimiters is not None:
        return read_place(s)
    # The same ports come back in bill after bill. The place of a plain segment (no release character) follows
    # from its text after the qualifier, so equal texts share one Place: the model is immutable.
    rest = s.raw.split(state.table.delimiters.element, 2)
    key = rest[2] if len(rest) == 3 else ""
    found = state.places.get(key)
    if found is None:
        found = state.places[key] = read_place(s)
    return found


def read_place(s: Segment) -> Place:
    # LOC C517: 3225 place id, 1131 code list, 3055 agency, 3224 place name.
    code, listed, agency, name = s.values(2, 4)
    ext: Ext = {}
    scheme: PlaceScheme | None = None
    if agency == C.AGENCY_MUTUAL and listed in C.SCHEME_BY_LIST:
        scheme = C.SCHEME_BY_LIST[listed]
    elif code and (agency == C.AGENCY_UNECE or _UNLOCODE.match(code)):
        scheme = PlaceScheme.UNLOCODE
        if listed != C.LIST_PORT or agency != C.AGENCY_UNECE:
            ext[f"{NS}.LOC.C517"] = compose([code, listed, agency])
    elif code:
        ext[f"{NS}.LOC.C517"] = compose([code, listed, agency])
    keep(ext, s, (3, 4, 5), "LOC")
    # A UN/LOCODE begins with the ISO 3166-1 country code (UN/ECE Recommendation 16); Schedule D ports are US. A code
    # that does not begin with a country names none: no country is read from it.
    country = None
    if scheme is PlaceScheme.UNLOCODE and _UNLOCODE.match(code) and contains("country", code[:2]):
        country = code[:2]
    elif scheme is PlaceScheme.SCHEDULE_D:
        country = "US"
    return Place(code=code or None, scheme=scheme, name=name or None, country=country, extensions=ext)


def stops(values: dict[str, Any]) -> None:
    """The departure and arrival read (LOC with its DTM) as the model's stops, with the crossing they make."""
    for name in ("departure", "arrival"):
        stop = values.get(name)
        if isinstance(stop, dict):
            values[name] = Stop(place=stop["place"], moment=stop.get("moment"), extensions=stop["ext"])
    _crossing(values)


def _crossing(values: dict[str, Any]) -> None:
    """Countries of departure and arrival from the ports of the voyage, and the direction of a crossing between
    Mexico and the United States (the harmonized model's Direction is relative to that border)."""
    departure, arrival = values.get("departure"), values.get("arrival")
    origin = departure.place.country if isinstance(departure, Stop) else None
    destination = arrival.place.country if isinstance(arrival, Stop) else None
    if origin:
        values["country_from"] = origin
    if destination:
        values["country_to"] = destination
    if (origin, destination) == ("MX", "US"):
        values["direction"] = Direction.NORTHBOUND
    elif (origin, destination) == ("US", "MX"):
        values["direction"] = Direction.SOUTHBOUND


def transport_mode(code: str) -> Mode:
    """The mode of TDT C220 8067 (UN/ECE Recommendation 19, through the transport-modes crosswalk), written with or
    without a leading zero. Any code that names none of the model's modes (0 not specified, 5 mail, 6 multimodal, 7
    fixed installation, 8 inland water, 9 not applicable) leaves the report read as maritime, the mode a cargo report
    is lodged for."""
    digits = code.lstrip("0") if ascii_digits(code) else code
    found = crosswalks.translate("transport-modes", "unece-rec19", "model-mode", digits)
    return Mode(found) if found is not None else Mode.MARITIME
