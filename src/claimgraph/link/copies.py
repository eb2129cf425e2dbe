"""Near-copies: syndicated versions of one story (DESIGN.md, "link").

Word 5-gram shingles, a MinHash signature of 128 values per document, and banded
locality-sensitive hashing with the band layout ``datasketch.MinHashLSH`` chooses for
the threshold. The signature and its band buckets are plain values, so the store can
keep them: an incremental link compares a new article with the stored ones through an
index lookup instead of hashing every stored text again.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from functools import lru_cache
from typing import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..model import Document

NUM_PERM = 128
SHINGLE_WORDS = 5
SIGNATURE_DTYPE = np.uint32  # datasketch's affine32 scheme: every value fits in 32 bits
_WORD = re.compile(r"\w+")


def _shingles(text: str) -> list[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return [" ".join(words).encode("utf-8")] if words else []
    return [" ".join(words[i:i + SHINGLE_WORDS]).encode("utf-8") for i in range(len(words) - SHINGLE_WORDS + 1)]


def signature(text: str) -> np.ndarray | None:
    """The MinHash values of a text's shingles; None for a text without words."""
    shingles = _shingles(text or "")
    if not shingles:
        return None
    m = MinHash(num_perm=NUM_PERM, seed=1)
    m.update_batch(shingles)  # 12x faster than update() per shingle (DESIGN.md costs table)
    return np.asarray(m.hashvalues, dtype=SIGNATURE_DTYPE)


def signature_bytes(sig: np.ndarray) -> bytes:
    return np.asarray(sig, dtype=SIGNATURE_DTYPE).tobytes()


def signature_from_bytes(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=SIGNATURE_DTYPE)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity: the share of equal MinHash values (as MinHash.jaccard)."""
    return float(np.count_nonzero(a == b)) / len(a)


@lru_cache(maxsize=8)
def _hashranges(threshold: float) -> tuple[tuple[int, int], ...]:
    # datasketch picks bands x rows that minimise false positives + negatives at this threshold
    return tuple(MinHashLSH(threshold=threshold, num_perm=NUM_PERM).hashranges)


def band_keys(sig: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """(band, bucket) pairs: two documents sharing one are candidates for the threshold.

    >>> sig = signature("the ministry said three drones were shot down over the port city")
    >>> band_keys(sig, 0.7) == band_keys(sig.copy(), 0.7)
    True
    """
    keys = []
    for band, (start, end) in enumerate(_hashranges(threshold)):
        digest = hashlib.blake2b(sig[start:end].tobytes(), digest_size=8).digest()
        keys.append((band, int.from_bytes(digest, "big", signed=True)))  # fits SQLite's INTEGER
    return keys


def root_order(doc: Document) -> tuple:
    """The root of a group is the earliest publication (the wire original), then the smallest id."""
    return (doc.published or "9999-99-99", doc.id)


def near_duplicate_groups(documents: Iterable[Document], threshold: float = 0.8,
                          signatures: dict[str, np.ndarray | None] | None = None) -> dict[str, str]:
    """Map every document id to the root of its group of near-copies (itself when alone).

    A candidate pair (sharing a band bucket) is kept when its estimated Jaccard
    similarity reaches ``threshold``, so the threshold means what it says. A document's
    ``dup_of`` (recorded by an earlier link) also joins it to that document.

    :param documents: the documents to compare (all stored ones).
    :param threshold: estimated Jaccard similarity of shingle sets that makes a near-copy.
    :param signatures: document id -> signature, where already known (the store keeps them).

    >>> a = Document(id="a", text="the ministry said three drones were shot down over the port city overnight")
    >>> b = Document(id="b", text="The ministry said three drones were shot down over the port city overnight.")
    >>> near_duplicate_groups([a, b])
    {'a': 'a', 'b': 'a'}
    """
    docs = sorted(documents, key=lambda d: d.id)
    signatures = signatures if signatures is not None else {}
    parent = {d.id: d.id for d in docs}
    order = {d.id: root_order(d) for d in docs}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            first, second = sorted((ra, rb), key=order.__getitem__)
            parent[second] = first

    buckets: dict[tuple[int, int], list[str]] = defaultdict(list)
    kept: dict[str, np.ndarray] = {}
    for doc in docs:
        sig = signatures[doc.id] if doc.id in signatures else signature(doc.text)
        if sig is None:
            continue
        keys = band_keys(sig, threshold)
        candidates = {other for key in keys for other in buckets.get(key, ())}
        for other in sorted(candidates):
            if similarity(sig, kept[other]) >= threshold:
                union(doc.id, other)
        kept[doc.id] = sig
        for key in keys:
            buckets[key].append(doc.id)
    for doc in docs:
        if doc.dup_of and doc.dup_of in parent:
            union(doc.id, doc.dup_of)
    return {d.id: find(d.id) for d in docs}
