-- SKUs are unique per store whatever their letter case ("fre-1" and "FRE-1" are one SKU),
-- as scanners and people type them either way.
ALTER TABLE products DROP CONSTRAINT products_store_sku_key;
CREATE UNIQUE INDEX products_store_sku_key ON products (store_id, lower(sku));
CREATE INDEX products_store_sku_idx ON products (store_id, sku, id);
