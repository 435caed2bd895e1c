--liquibase formatted sql

--changeset orderengine:003-demo-products context:demo
INSERT INTO products (name, price, description, image_url) VALUES
  ('Ceramic Mug', 14.00, 'Stoneware mug, 350 ml, dishwasher safe.', '/images/mug.svg'),
  ('Canvas Tote', 19.99, 'Heavy cotton tote bag with an inside pocket.', '/images/tote.svg'),
  ('Notebook', 9.50, 'A5 dot-grid notebook, 120 pages.', '/images/notebook.svg'),
  ('Desk Lamp', 49.00, 'Warm LED lamp with a weighted base.', '/images/lamp.svg'),
  ('Wool Socks', 12.75, 'Merino blend, two pairs.', '/images/socks.svg'),
  ('Water Bottle', 24.00, 'Insulated steel bottle, 750 ml.', '/images/bottle.svg');
--rollback DELETE FROM products WHERE name IN ('Ceramic Mug', 'Canvas Tote', 'Notebook', 'Desk Lamp', 'Wool Socks', 'Water Bottle');
