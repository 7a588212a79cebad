"""UN/EDIFACT (ISO 9735) for any message, and the CUSCAR customs cargo report built on it.

Layers, one module each: :mod:`.syntax` (service string advice, syntax levels and their character repertoires),
:mod:`.segments` (a segment with the position of every value, escaping), :mod:`.tokenizer` (text to segments, whole
or incrementally), :mod:`.opening` (finding and decoding the interchange in raw bytes), :mod:`.envelope`
(UNB/UNZ, UNG/UNE and UNH/UNT checks), :mod:`.dates` (DTM formats), then the CUSCAR message: :mod:`.cuscar_codes`,
:mod:`.cuscar_read`, :mod:`.cuscar_write`, and :mod:`.roundtrip` (what a written file failed to carry).
"""
