-- The product's one demand figure (issue 16): the forecast's daily mean over the next four
-- weeks, else the 30-day average. Days of stock left, the reorder point and the product
-- page's words all use it; `avg_daily_sales` stays the plain 30-day average. Rows stored
-- before this have none (null): they read as their 30-day average until recalculated.
ALTER TABLE product_predictions
  ADD COLUMN demand_per_day double precision CHECK (demand_per_day >= 0),
  ADD COLUMN demand_source text CHECK (demand_source IN ('forecast', 'average_30d'));
