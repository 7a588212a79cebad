"""ANSI ASC X12: the layer every transaction set shares, and the customs sets built on it.

``delimiters`` finds the separators in the ISA, ``tokens`` cuts segments and elements while keeping their line and
column, ``envelope`` checks ISA/GS/ST against their trailers, ``dictionary`` and ``syntax`` check elements against the
X12 data element dictionary, ``loops`` walks a transaction set's declarative loop map. ``ts309``/``ts358`` hold the
maps of the 309 Customs Manifest and the 358 Customs Consist, ``read309``/``write309``/``consist`` map them to and
from the harmonized model, and ``ack`` answers with a 997 (a consist is compared with its manifest by
:mod:`manifest.singlewindow`).
"""
