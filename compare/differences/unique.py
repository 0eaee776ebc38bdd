"""What only one outlet reports: sentences in no claim, and their details no other outlet carries."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from ..details import names_match, quote_key
from ..model import Claim, Detail, Document, Unique
from ..quantities import compatible
from .members import as_quantity

_UNIQUE_KINDS = ("number", "name", "date", "quote")


def find_unique(
    documents: Sequence[Document], claims: Sequence[Claim], possible: Collection[tuple[str, int]] = ()
) -> tuple[Unique, ...]:
    """Per article: the sentences in no claim, and their details that no other outlet carries.
    Sentences in ``possible`` ((article id, sentence index) of a possible match) are not unique."""
    claimed = {(m.article, i) for c in claims for m in c.members for i in m.sentences} | set(possible)
    every: dict[str, list[Detail]] = {
        doc.article.id: [d for ds in doc.details for d in ds if d.kind in _UNIQUE_KINDS] for doc in documents
    }
    texts = {doc.article.id: quote_key(doc.article.text) for doc in documents}
    out = []
    for doc in documents:
        aid = doc.article.id
        others = [o for o in documents if o.article.id != aid]
        sentences = []
        distinctive: list[Detail] = []
        for k, sentence in enumerate(doc.sentences):
            if (aid, sentence.index) in claimed:
                continue
            sentences.append(sentence.index)
            for d in doc.details[k]:
                if d.kind in _UNIQUE_KINDS and not any(
                    _carried(d, every[o.article.id], texts[o.article.id]) for o in others
                ):
                    distinctive.append(d)
        out.append(Unique(aid, tuple(sentences), tuple(distinctive)))
    return tuple(out)


def _carried(d: Detail, details: Sequence[Detail], text_key: str) -> bool:
    if d.kind == "quote":
        return bool(d.key) and f" {d.key} " in f" {text_key} "
    if d.kind == "name":
        return any(o.kind == "name" and names_match(d, o) for o in details)
    if d.kind == "number":
        q = as_quantity(d)
        return any(
            o.kind == "number"
            and o.key == d.key
            or (o.kind == "number" and compatible(q, as_quantity(o)) and o.value == d.value)
            for o in details
        )
    return any(o.kind == d.kind and o.key == d.key for o in details)
