-- The demo generator loads a store with triggers off (session_replication_role = replica, for
-- speed, where it may), so the stores it made since migration 012 have no product_words:
-- their searches could not correct a typo, and invoice lines found no product by their words.
-- The generator now writes the words itself; this fills them for the stores it made before.
-- Idempotent: existing words are kept.
INSERT INTO product_words (store_id, word)
SELECT DISTINCT p.store_id, w
FROM products p, product_name_words(p.name) AS w
ON CONFLICT DO NOTHING;
ANALYZE product_words;
