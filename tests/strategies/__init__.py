"""Hypothesis strategies, one module per domain, each strategy named after what it draws.

:mod:`.model` draws any harmonized model from the model's own field descriptions; :mod:`.x12`, :mod:`.cuscar`,
:mod:`.cargo_xml`, :mod:`.cargo_imp` and :mod:`.carta_porte` draw the models each format carries whole; :mod:`.common`
holds what they share. Hand-written example models are in :mod:`tests.models`.
"""
