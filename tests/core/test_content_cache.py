"""core.content_cache: what depends only on published content is read once, until it changes."""

from core.content_cache import bump, cached_many


def test_cached_many_reads_each_id_once_until_the_content_changes():
    reads = []

    def read(ids):
        reads.append(sorted(ids))
        return {i: f"page {i}" for i in ids if i != 3}

    assert cached_many("test-pages", [1, 2, 3], read) == {1: "page 1", 2: "page 2"}
    # Known ids come from the cache, the new one is read alone; an absent one stays absent.
    assert cached_many("test-pages", [2, 3, 4], read) == {2: "page 2", 4: "page 4"}
    assert reads == [[1, 2, 3], [4]]
    bump()
    assert cached_many("test-pages", [1], read) == {1: "page 1"}
    assert reads[-1] == [1]
