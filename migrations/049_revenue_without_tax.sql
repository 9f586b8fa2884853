-- Issue 22, checkout: revenue is what was sold net of the tax collected for the state (tax is
-- owed, not earned). A sale keeps `tax_total` (042) and each refund line its `tax_amount`
-- (044); a refund now keeps its own total of them, so the daily figures read it as they read
-- a sale's. Constant default: no table rewrite; refunds made before carry the sum of their
-- lines' tax (0 for every refund made before checkout had tax).
ALTER TABLE sale_refunds ADD COLUMN tax_total numeric(14, 2) NOT NULL DEFAULT 0;
UPDATE sale_refunds r SET tax_total = x.tax
FROM (SELECT refund_id, sum(tax_amount) AS tax FROM sale_refund_items
      GROUP BY refund_id HAVING sum(tax_amount) <> 0) x
WHERE x.refund_id = r.id;
