--liquibase formatted sql

--changeset orderengine:004-refunds
-- Refunds the engine issued itself: a payment that reached an order already expired or cancelled is given back.
-- One row per Stripe refund; the unique id makes recording a retried refund a no-op.
CREATE TABLE refunds (
  id BIGSERIAL PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  stripe_refund_id TEXT NOT NULL UNIQUE,
  stripe_payment_intent_id TEXT NOT NULL,
  amount NUMERIC(10,2) NOT NULL,
  currency TEXT NOT NULL,
  reason TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX refunds_order_id_idx ON refunds (order_id);
CREATE INDEX refunds_stripe_payment_intent_id_idx ON refunds (stripe_payment_intent_id);
-- charge.refunded names a payment intent, not a session: this is how its order is found.
CREATE INDEX orders_stripe_payment_intent_id_idx ON orders (stripe_payment_intent_id);
--rollback DROP INDEX orders_stripe_payment_intent_id_idx; DROP TABLE refunds;
