"""What a caller outside the store may rely on, as typed interfaces (``typing.Protocol``).

``LinkStore`` is all the incremental linker (``link/incremental.py``) reads and writes:
a test double or another backend needs these methods and no others, and a type checker
holds ``Store`` to them.

    >>> from claimgraph.store import Store
    >>> with Store(":memory:") as store:
    ...     isinstance(store, LinkStore)
    True
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, runtime_checkable

from claimgraph.model import Claim, Contradiction, Document, Event
from claimgraph.store.links import SignatureRow


@runtime_checkable
class LinkStore(Protocol):
    """The reads and the one write of an incremental link."""

    # near copies
    def documents_in_buckets(self, keys: Sequence[tuple[int, int]]) -> set[str]: ...

    def signatures(self, document_ids: Iterable[str] | None = None) -> dict[str, bytes]: ...

    def near_copy_roots(self, document_ids: Iterable[str]) -> dict[str, str]: ...

    # the neighbourhood of new claims
    def documents_by_ids(self, ids: Iterable[str], *, with_text: bool = True) -> dict[str, Document]: ...

    def headline_ends(self, ids: Iterable[str]) -> dict[str, int]: ...

    def claims_of_documents(self, document_ids: Iterable[str]) -> list[Claim]: ...

    def claims_by_ids(self, ids: Iterable[str], *, light: bool = False) -> list[Claim]: ...

    def unlinked_claims(self, claim_ids: Iterable[str]) -> dict[str, str]: ...

    def claim_ids_naming(self, entity_ids: Iterable[str], *, since: str | None = None,
                         until: str | None = None, types: Sequence[str] | None = None,
                         denied: bool | None = None, roles: Sequence[str] | None = None,
                         undated_by_article: bool = False) -> set[str]: ...

    def event_ids_holding(self, claim_ids: Iterable[str]) -> set[str]: ...

    def event_of_claims(self, claim_ids: Iterable[str]) -> dict[str, str]: ...

    def events_by_ids(self, ids: Iterable[str]) -> list[Event]: ...

    def contradictions_touching(self, claim_ids: Iterable[str]) -> list[Contradiction]: ...

    # the swap
    def update_links(self, removed_events: Iterable[str], events: Sequence[Event],
                     removed_contradictions: Iterable[str], contradictions: Sequence[Contradiction],
                     near_copies: dict[str, str], signatures: Sequence[SignatureRow], band_layout: str) -> None: ...
