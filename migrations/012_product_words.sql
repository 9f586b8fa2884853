-- The words of each store's product names, for typo-tolerant search: a misspelt word is
-- matched against this short list (trigram similarity), not against every product name, and
-- the corrected words then go through the full-text index like any search. Kept by
-- statement-level triggers on products (one INSERT per statement, whatever its row count);
-- words of renamed or deleted products stay (a stale word only finds nothing).
CREATE TABLE product_words (
  store_id uuid NOT NULL REFERENCES stores(id) ON DELETE CASCADE,
  -- Byte order, so "starts with" is an index range whatever the database's collation.
  word text COLLATE "C" NOT NULL,
  PRIMARY KEY (store_id, word)
);
CREATE INDEX product_words_trgm_idx ON product_words USING gin (word gin_trgm_ops);

-- The words a name contributes: its 'simple' lexemes (the parser of the search vectors) of 3
-- to 40 characters that are not plain numbers.
CREATE FUNCTION product_name_words(name text) RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT w FROM unnest(tsvector_to_array(to_tsvector('simple', name))) AS w
  WHERE length(w) BETWEEN 3 AND 40 AND w !~ '^[0-9.,-]+$'
$$;

CREATE FUNCTION product_words_of_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO product_words (store_id, word)
  SELECT DISTINCT n.store_id, w
  FROM new_rows n, product_name_words(n.name) AS w
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

CREATE FUNCTION product_words_of_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO product_words (store_id, word)
  SELECT DISTINCT n.store_id, w
  FROM new_rows n JOIN old_rows o ON o.id = n.id AND o.name IS DISTINCT FROM n.name,
       product_name_words(n.name) AS w
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

CREATE TRIGGER products_words_inserted AFTER INSERT ON products
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION product_words_of_inserted();
CREATE TRIGGER products_words_renamed AFTER UPDATE ON products
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION product_words_of_renamed();

INSERT INTO product_words (store_id, word)
SELECT DISTINCT p.store_id, w
FROM products p, product_name_words(p.name) AS w
ON CONFLICT DO NOTHING;
ANALYZE product_words;
