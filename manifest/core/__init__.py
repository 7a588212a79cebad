"""The core: what every layer above the model shares and no format owns.

The documents a reader returns and the positions in them (:mod:`manifest.core.document`), the spelling of model
paths (:mod:`manifest.core.paths`), the model as a tree of plain values and the text form of its scalars
(:mod:`manifest.core.canonical`), and what a format says about itself (:mod:`manifest.core.description`). The core
imports only the model and the diagnostics; the formats and the requirements engine both stand on it and do not
import each other (see ``docs/architecture.md``).
"""
