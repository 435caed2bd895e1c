--liquibase formatted sql

-- Additive only: rows written by the seed shop stay valid.

--changeset orderengine:002-order-engine-columns
-- reference is the public, unguessable order id; the SERIAL id never leaves the database.
ALTER TABLE orders ADD COLUMN reference TEXT;
ALTER TABLE orders ADD CONSTRAINT orders_reference_key UNIQUE (reference);
ALTER TABLE orders ADD COLUMN currency TEXT NOT NULL DEFAULT 'usd';
ALTER TABLE orders ADD COLUMN created_at TIMESTAMPTZ NOT NULL DEFAULT now();
ALTER TABLE orders ADD COLUMN updated_at TIMESTAMPTZ NOT NULL DEFAULT now();
ALTER TABLE orders ADD COLUMN paid_at TIMESTAMPTZ;
ALTER TABLE orders ADD COLUMN stripe_session_url TEXT;
ALTER TABLE orders ADD COLUMN stripe_session_expires_at TIMESTAMPTZ;
ALTER TABLE orders ADD COLUMN stripe_payment_intent_id TEXT;
ALTER TABLE orders ADD COLUMN status_detail TEXT;
ALTER TABLE orders ADD CONSTRAINT orders_status_check
  CHECK (status IN ('pending', 'paid', 'expired', 'failed', 'cancelled', 'refunded'));
-- The seed's webhook looks orders up by session id; keep that path indexed.
CREATE INDEX orders_stripe_session_id_idx ON orders (stripe_session_id);
CREATE INDEX orders_status_created_at_idx ON orders (status, created_at);

-- Item names are copied at purchase time, so renaming a product does not rewrite old orders.
ALTER TABLE order_items ADD COLUMN product_name TEXT;
CREATE INDEX order_items_order_id_idx ON order_items (order_id);

-- Every status change, written in the same transaction as the change: an audit trail for operators
-- and the proof that a duplicate webhook caused no second transition.
CREATE TABLE order_status_changes (
  id BIGSERIAL PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  from_status VARCHAR(50),
  to_status VARCHAR(50) NOT NULL,
  reason TEXT,
  stripe_event_id TEXT,
  changed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX order_status_changes_order_id_idx ON order_status_changes (order_id);
--rollback DROP TABLE order_status_changes; DROP INDEX order_items_order_id_idx; ALTER TABLE order_items DROP COLUMN product_name; DROP INDEX orders_status_created_at_idx; DROP INDEX orders_stripe_session_id_idx; ALTER TABLE orders DROP CONSTRAINT orders_status_check; ALTER TABLE orders DROP COLUMN status_detail, DROP COLUMN stripe_payment_intent_id, DROP COLUMN stripe_session_expires_at, DROP COLUMN stripe_session_url, DROP COLUMN paid_at, DROP COLUMN updated_at, DROP COLUMN created_at, DROP COLUMN currency, DROP COLUMN reference;
