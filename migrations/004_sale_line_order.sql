-- Sale lines keep the order the client sent them in (ids are random UUIDs).
ALTER TABLE sale_items ADD COLUMN line_no integer;
