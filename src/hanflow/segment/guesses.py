"""Which of the HMM's guesses for unknown words to keep.

jieba's HMM joins runs of single characters that its dictionary cannot place into new words. That
finds names and new words (梅西, 海合会, 胃胀) but also glues common one-character words to a
neighbour (这是, 日讯, 多人, 地说). The rule: a guess is kept unless one of its characters is
itself a common word, i.e. its frequency as a one-character word in jieba's dictionary is at least
COMMON_WORD (30,000 of the dictionary's 60 million counts: 的, 是, 这, 一, 人, 大, 说 …). Such a
guess is cut back into single characters, which is what the dictionary alone gives.

The rule knows nothing of any annotation standard: it only distrusts a statistical guess where the
dictionary has strong evidence that a character stands alone.
"""

from __future__ import annotations

from hanflow.segment.backends import Backend

COMMON_WORD = 30_000
_CJK = range(0x4E00, 0xA000)


_MEMORY = 200_000


def common_characters(backend: Backend) -> frozenset[str]:
    """The characters that are common words on their own."""
    freq = backend.frequency
    return frozenset(c for c in map(chr, _CJK) if freq(c) >= COMMON_WORD)


class GuessFilter:
    """Finds the guesses to reject among a text's words, remembering its verdicts: a word of
    an earlier text is looked up in a table of the words seen (thousands, fast to reach), not in
    the dictionary (hundreds of thousands, slow to reach)."""

    def __init__(self, backend: Backend) -> None:
        self._backend = backend
        self._common = common_characters(backend)
        self._seen: set[str] = set()
        self._rejected: set[str] = set()

    def rejected(self, words: list[str]) -> set[str]:
        """The unknown words among `words` that hold a common character."""
        distinct = set(words)
        fresh = distinct.difference(self._seen)
        if fresh:
            if len(self._seen) > _MEMORY:
                self._seen.clear()
                self._rejected.clear()
            self._seen |= fresh
            self._rejected |= {w for w in self._backend.unknown(fresh) if not self._common.isdisjoint(w)}
        return distinct & self._rejected
