"""One bill of a 309 (its LX loop) mapped into a consignment: LX, the P4 port it is unladen at, M11 bill details,
M13 amendment, N9 references, M12 in-bond with P5, and its party, equipment and goods loops."""

from __future__ import annotations

from manifest.formats.readers import ascii_digits
from manifest.formats.x12 import bills
from manifest.formats.x12 import convert as cv
from manifest.formats.x12.read309 import equipment as equipment_loop
from manifest.formats.x12.read309 import shared
from manifest.formats.x12.read309.elements import fields, quantity
from manifest.formats.x12.read309.goods import goods as goods_item
from manifest.formats.x12.read309.header import document_type, port
from manifest.formats.x12.read309.loops import BillLoop, EquipmentLoop
from manifest.formats.x12.read309.mapper import Mapper
from manifest.formats.x12.read309.parties import party
from manifest.formats.x12.tokens import Segment
from manifest.model import Consignment, Equipment, GoodsItem, InBond, Mode, PlaceScheme, Reference


class BillMapper(Mapper):
    """Maps the loops of a bill into the model (see :class:`Mapper` for where their values are recorded)."""

    def bill(self, bill: BillLoop, index: int) -> Consignment:
        ext: dict[str, str] = {}
        self.put("", bill.lx)
        if bill.lx.get(1) != str(index + 1):
            ext["x12.LX.01"] = bill.lx.get(1)
        discharge = None
        if bill.p4 is not None:
            # P401 is the US port where this bill's cargo is unladen; a later P4 loop has its own date and data.
            if bill.first_port:
                discharge = shared.place(bill.p4.get(1), PlaceScheme.SCHEDULE_D) if bill.p4.get(1) else None
            else:
                discharge, _ = port(bill.p4, ext, "P4")
                ext.setdefault("x12.P4.02", bill.p4.get(2))
            self.put("place_of_discharge", bill.p4, 1)
        number = ""
        loading = receipt = None
        packages = None
        weight = volume = None
        m11 = bill.m11
        if m11 is not None:
            m = fields(m11, 12)
            number = m[1]
            if self.mode is not Mode.RAIL:
                scac = self.header.carrier.scac if self.header.carrier is not None else None
                number = bills.join(number, m[12], scac, ext)
            self.put("document_number", m11, 1)
            lading = m[2]
            if lading:
                loading = shared.place(lading, cv.place_scheme(lading))
                self.put("place_of_loading", m11, 2)
            pieces = m[3]
            if ascii_digits(pieces):
                packages = shared.packages(int(pieces), m[4] or None)
                self.put("total_packages", m11, 3)
            mapped = [1, 2, 10] + ([3, 4] if packages is not None else [])
            if self.mode is not Mode.RAIL:
                mapped.append(12)  # joined with M1101 (bills.py), or kept by join as the issuer read
            weight = quantity(m[5], m[6], cv.weight_unit)
            if weight is not None:
                mapped += [5, 6]
                self.put("gross_weight", m11, 5)
            volume = quantity(m[7], m[8], cv.volume_unit)
            if volume is not None:
                mapped += [7, 8]
                self.put("volume", m11, 7)
            if m[10]:
                receipt = shared.named_place(m[10])
                self.put("place_of_receipt", m11, 10)
            self.keep("", ext, m11, tuple(mapped))
        else:
            ext["x12.M11"] = ""
        if bill.m13 is not None:
            ext["x12.M13"] = cv.raw(bill.m13)
        references = tuple(self.reference(i, seg) for i, seg in enumerate(bill.n9))
        parties = tuple(party(self, i, p) for i, p in enumerate(bill.parties))
        in_bond = self.in_bond(bill.m12, bill.p5) if bill.m12 is not None else None
        equipment: list[Equipment] = []
        goods: list[GoodsItem] = []
        for e_index, acc in enumerate(bill.equipment):
            item = self.equipment(e_index, acc)
            equipment.append(item)
            for g in acc.goods:
                goods.append(goods_item(self, len(goods), g, item.identifier))
        return Consignment(
            document_number=number,
            document_type=document_type(self.mode),
            place_of_receipt=receipt,
            place_of_loading=loading,
            place_of_discharge=discharge,
            parties=parties,
            goods=tuple(goods),
            equipment=tuple(equipment),
            total_packages=packages,
            gross_weight=weight,
            volume=volume,
            in_bond=in_bond,
            references=references,
            extensions=ext,
        )

    def equipment(self, index: int, acc: EquipmentLoop) -> Equipment:
        """The equipment of a VID loop (a bill's, or a car of a 358 consist)."""
        return equipment_loop.equipment(self, index, acc)

    def reference(self, index: int, n9: Segment) -> Reference:
        ext: dict[str, str] = {}
        self.keep(f"references[{index}]", ext, n9, (1, 2))
        self.put(f"references[{index}]", n9, 2)
        return Reference(kind=n9.get(1), value=n9.get(2), extensions=ext)

    def in_bond(self, m12: Segment, p5: Segment | None) -> InBond:
        ext: dict[str, str] = {}
        self.keep("in_bond", ext, m12, (1, 2))
        if p5 is not None:
            ext["x12.P5"] = cv.raw(p5)
        self.put("in_bond.entry_type", m12, 1)
        self.put("in_bond.number", m12, 2)
        return InBond(entry_type=m12.get(1) or None, number=m12.get(2) or None, extensions=ext)
