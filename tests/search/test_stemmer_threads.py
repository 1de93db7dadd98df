"""The stemmer behind both search implementations, under several threads at once.

Found as a 500 on /search/ under 8 concurrent searches: one stemmer object was shared by all
threads, raised IndexError and cached wrong stems for the life of the process.
"""

import random
import sys
import threading
from pathlib import Path

import snowballstemmer

from search.text import analyse, normalise, stem, tokenize

DEMO_DATA = Path(__file__).resolve().parents[2] / "demo" / "data"
THREADS = 8
ROUNDS = 3


def demo_vocabulary():
    text = " ".join(path.read_text(encoding="utf-8") for path in DEMO_DATA.rglob("*.json"))
    return sorted({normalise(token) for token in tokenize(text)})


def test_eight_threads_stem_the_demo_vocabulary_as_one_thread_does():
    words = demo_vocabulary()
    assert len(words) > 2000
    one_thread = snowballstemmer.stemmer("english")
    expected = {word: one_thread.stemWord(word) for word in words}

    errors, wrong = [], {}
    start = threading.Barrier(THREADS)

    def analyse_all(seed):
        order = words[:]
        random.Random(seed).shuffle(order)
        start.wait()
        for word in order:
            try:
                got = analyse(word)
            except Exception as error:  # noqa: BLE001 - any failure is what we look for
                errors.append(repr(error))
                continue
            if got != [expected[word]]:
                wrong[word] = got

    # Switching threads often, as a busy server does, makes a shared stemmer's races likely.
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        for round_ in range(ROUNDS):
            stem.cache_clear()  # every word goes through the stemmer, not the cache
            threads = [
                threading.Thread(target=analyse_all, args=(round_ * THREADS + n,))
                for n in range(THREADS)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
    finally:
        sys.setswitchinterval(interval)

    assert errors == []
    assert wrong == {}
    # What the threads left in the cache is right too.
    assert {word: analyse(word) for word in words} == {w: [s] for w, s in expected.items()}
