"""The interface every product search backend gives, whichever store answers.

A backend searches, suggests names, and keeps its index equal to the database: `index()`
after every publish and moderation decision (search.tasks), `rebuild()`, `status()` and
`catch_up()` for the `search_index` command. Subclasses write and read their own store
(`store()`, `remove()`, `indexed()`, `load()`); what a document holds and when it is out of
date is decided here, once, for all of them. A backend that cannot answer raises
search.types.SearchUnavailable, never its own errors.
"""

from search.faceted import RELAX_BELOW
from search.indexing import (
    HASH,
    batches,
    changed_since,
    documents_for,
    live_ids,
    rebuild_journal,
)
from search.types import Status


class SearchBackend:
    name = ""
    # Whether search(query, fuzzy=True) can match words spelt nearly as typed.
    matches_typos = False

    # == Searching ==

    def search(self, query, *, fuzzy=False):
        """Results for a search.types.Query: products matching every word, or, when those are
        fewer than RELAX_BELOW and matching most of the words finds more, those (relaxed)."""
        results = self.match(query, fuzzy=fuzzy)
        if fuzzy or results.total >= RELAX_BELOW or not query.relaxable:
            return results
        relaxed = self.match(query, relaxed=True)
        if relaxed.total <= results.total:
            return results
        relaxed.took_ms += results.took_ms
        return relaxed

    def match(self, query, *, fuzzy=False, relaxed=False):
        """Results for a Query matching every word (or a synonym of it), or with `relaxed`
        as many as search.types.required_matches asks, those matching more words first."""
        raise NotImplementedError

    def autocomplete(self, text, size):
        """Up to `size` Suggestions: available products with a name word starting with each
        word of `text`."""
        raise NotImplementedError

    # == The store ==

    def store(self, documents):
        """Write {product id: document}, replacing what was there for those products."""
        raise NotImplementedError

    def remove(self, product_ids):
        raise NotImplementedError

    def indexed(self):
        """{product id: its document's content hash}, for comparing with the database."""
        raise NotImplementedError

    def load(self, product_ids, journal, progress=None, before_swap=None):
        """Index all these products afresh (rebuild's work), calling `progress(count)` per
        batch and `before_swap()` once everything is written but not yet searched."""
        raise NotImplementedError

    def refresh(self):
        """Make everything written so far searchable now (a store may lag)."""

    # == Keeping the index equal to the database ==

    def index(self, product_ids):
        """Index the live ones of these products as they are now; remove the others.
        Returns how many were indexed and how many removed."""
        product_ids = set(product_ids)
        documents = documents_for(product_ids)
        if documents:
            self.store(documents)
        gone = product_ids - documents.keys()
        if gone:
            self.remove(gone)
        return len(documents), len(gone)

    def rebuild(self, progress=None, before_swap=None):
        """Index every live product afresh; returns how many.

        Updates made meanwhile are noted (search.indexing.note_changes) and replayed once the
        load is done, as the worker may have written them where the load had already passed.
        One rebuild at a time.
        """
        with rebuild_journal() as journal:
            ids = live_ids()
            self.load(ids, journal, progress=progress, before_swap=before_swap)
            self.replay(journal)
        return len(ids)

    def replay(self, journal):
        """Index again, as they are now, the products reindexed since the rebuild began."""
        for batch in batches(changed_since(journal)):
            self.index(batch)

    def status(self):
        """How the index differs from the database: what is missing, extra or out of date.

        Out of date means the document's hash differs from the hash of the document the
        product would have now, so every change to what search holds is seen, dated or not.
        """
        indexed = {int(pk): stored for pk, stored in self.indexed().items()}
        live = set(live_ids())
        current = {}
        for batch in batches(sorted(live & indexed.keys())):
            current.update((pk, document[HASH]) for pk, document in documents_for(batch).items())
        stale = [pk for pk in live & indexed.keys() if indexed[pk] != current.get(pk)]
        return Status(
            in_database=len(live),
            in_index=len(indexed),
            missing=sorted(live - indexed.keys()),
            extra=sorted(indexed.keys() - live),
            stale=sorted(stale),
        )

    def catch_up(self, progress=None):
        """Reindex only what drifted; returns how many products that was."""
        drifted = self.status().drifted
        for batch in batches(drifted):
            self.index(batch)
            if progress:
                progress(len(batch))
        return len(drifted)
