-- Review of issue 16, finding 7: a reorder-list reason named the price of the cheaper supplier
-- passed over for its lead time ("Cheapo (1.80) needs 10 days"), and employees read reasons,
-- while they may not see costs. Reasons carry no money now; the supplier passed over, its price
-- and its lead time are kept in their own columns, answered as `passedOver` (its `unitCost` a
-- money field, null for roles without reports:view). Nullable, no default: instant.
ALTER TABLE shopping_list_items
  ADD COLUMN passed_over_supplier_id uuid REFERENCES suppliers (id) ON DELETE SET NULL,
  ADD COLUMN passed_over_unit_cost numeric(12, 2) CHECK (passed_over_unit_cost >= 0),
  ADD COLUMN passed_over_lead_time_days integer CHECK (passed_over_lead_time_days >= 0);

-- Lists made before this keep their words but lose the price in them: "Cheapo (1.80) needs 10
-- days" becomes "Cheapo needs 10 days" (the only place supplier-choice put a price).
UPDATE shopping_list_items
SET reason = regexp_replace(reason, ' \((\d+\.\d\d|an unknown cost)\) needs ', ' needs ', 'g')
WHERE reason ~ ' \((\d+\.\d\d|an unknown cost)\) needs ';
