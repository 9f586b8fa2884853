-- migrate:no-transaction lock_timeout=5s
-- Invoice matching (invoice-matching.repo.ts) reads two indexes of products once per line.
--
-- The full-text index: GIN queues new entries in a pending list (up to 4 MB) that every
-- search reads in full until VACUUM merges it. A catalogue inserted in bulk and not yet
-- vacuumed kept all of it there (10k products: 312 pages read per line, 6 ms; merged:
-- under 1 ms). A 64 kB limit keeps the list a few pages, merged by the inserts that fill it.
-- The ALTER locks the index (not the table) for a catalogue update; lock_timeout bounds the
-- wait behind running queries.
ALTER INDEX products_search_idx SET (gin_pending_list_limit = 64);
SELECT gin_clean_pending_list('products_search_idx'::regclass);

-- The name trigrams, for `name % description` (lines whose words found nothing, its only
-- use): a GiST index answers it in about half the time of the GIN one (a generated
-- catalogue of 10k products: 7 ms a line instead of 12; 100k: 110 ms instead of 200), as
-- the names share most of their trigrams and GIN merged a long posting list for each.
-- Same rows: `%` is the same test (similarity >= 0.3) on either index. Built CONCURRENTLY
-- so a live store keeps selling; dropped first so a retry after a failed build starts clean.
DROP INDEX CONCURRENTLY IF EXISTS products_name_trgm_gist_idx;
CREATE INDEX CONCURRENTLY products_name_trgm_gist_idx ON products USING gist (name gist_trgm_ops);
DROP INDEX CONCURRENTLY IF EXISTS products_name_trgm_idx;
