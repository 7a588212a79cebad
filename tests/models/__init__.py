"""Hand-written example models, one module per domain: :mod:`.requirements` (a valid manifest for each mode) and
:mod:`.road` (a northbound truck crossing). Drawn models are in :mod:`tests.strategies`."""
