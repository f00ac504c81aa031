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


def test_inside_a_request_each_entry_is_read_from_the_shared_cache_once():
    from django.core.cache import cache

    from core.content_cache import ContentCacheMiddleware, cached

    reads = []

    def view(request):
        for _ in range(3):
            cached("test-once", (1,), lambda: reads.append("computed") or "value")
        return reads

    calls = []
    real_get = cache.get

    def counting_get(key, *args, **kwargs):
        calls.append(key)
        return real_get(key, *args, **kwargs)

    cache.get = counting_get
    try:
        ContentCacheMiddleware(view)(None)
    finally:
        del cache.get
    assert reads == ["computed"]
    assert len([k for k in calls if "test-once" in k]) == 1
