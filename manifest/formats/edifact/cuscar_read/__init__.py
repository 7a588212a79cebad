"""Reading one CUSCAR message (UN/EDIFACT D.95B and later) into the harmonized model, segment by segment.

The message is walked in order; each segment group opens a builder (the manifest header, a TDT group, an EQD group,
a CNI consignment with its NAD parties, a GID goods item with its DGS dangerous goods) and a segment belongs to the
innermost open group that can hold it. Segments and elements the model has no field for are kept in the
``extensions`` of the object they belong to, under ``cuscar.`` keys, so that writing the manifest back as CUSCAR
restores them. Equipment is declared once at message level (D.95B segment group EQD) and tied to consignments by
the SGP split goods placement of their goods items; equipment no goods item points at stays on the manifest.
``feed`` returns each consignment as soon as the next CNI (or UNT) closes it, so a stream needs memory for one
consignment and the message header only.

Modules, one per segment group: :mod:`.header` (UNH, BGM, message RFF), :mod:`.conveyance` (TDT, LOC, DTM),
:mod:`.parties` (NAD, CTA, COM), :mod:`.consignments` (CNI, its RFF, CNT), :mod:`.goods` (GID, FTX, PCI, CST, PIA, DOC,
SGP, DGS), :mod:`.equipment` (EQD, SEL) and :mod:`.measures` (MEA); :mod:`.state` holds what they share while a
message is read, :mod:`.positions` where each value was found, and :mod:`.reader` hands each segment to its group.
"""

from manifest.formats.edifact.cuscar_read.reader import MessageReader

__all__ = ["MessageReader"]
