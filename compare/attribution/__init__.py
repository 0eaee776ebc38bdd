"""Attribution: what each sentence relays second-hand, from whom and through whom.

``lexicon`` holds the cue words, ``phrases`` the noun phrases around a cue, ``cues`` finds the
reporting relations in one sentence, and ``resolve`` works at the document level (pronouns,
quotation scope, kinds, relay chains, provenance).
"""

from __future__ import annotations

from .resolve import attribute, claim_relays, provenance, same_entities

__all__ = ["attribute", "claim_relays", "provenance", "same_entities"]
