-- The spread of the total demand over the first h days of a stored forecast (h = 1 … its
-- horizon), for safety stock over a lead time: the sum's own standard deviation, not the
-- daily one times √h. Null for forecasts stored before it (readers fall back on σ·√h).
ALTER TABLE product_forecasts ADD COLUMN total_sd float8[];
