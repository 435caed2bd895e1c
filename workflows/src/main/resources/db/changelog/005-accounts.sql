--liquibase formatted sql

--changeset orderengine:005-accounts
-- Customer accounts on the seed's users table. An address is one account whatever its case; an account signs in
-- once its address is verified; a deleted one keeps its row, anonymised, so that the shop's books keep their orders.
ALTER TABLE users ADD COLUMN created_at TIMESTAMPTZ NOT NULL DEFAULT now();
ALTER TABLE users ADD COLUMN verified_at TIMESTAMPTZ;
ALTER TABLE users ADD COLUMN deleted_at TIMESTAMPTZ;
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));
-- Sessions and single-use tokens are kept as SHA-256 hashes of what the customer holds: a copy of the database
-- signs nobody in.
CREATE TABLE account_sessions (
  token_hash BYTEA PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at TIMESTAMPTZ NOT NULL,
  last_seen_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX account_sessions_user_id_idx ON account_sessions (user_id);
CREATE TABLE account_tokens (
  token_hash BYTEA PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  purpose TEXT NOT NULL CHECK (purpose IN ('verify', 'reset')),
  expires_at TIMESTAMPTZ NOT NULL,
  used_at TIMESTAMPTZ
);
CREATE INDEX account_tokens_user_id_idx ON account_tokens (user_id);
CREATE INDEX orders_user_id_idx ON orders (user_id);
--rollback DROP INDEX orders_user_id_idx; DROP TABLE account_tokens; DROP TABLE account_sessions; DROP INDEX users_email_lower_key; ALTER TABLE users DROP COLUMN deleted_at; ALTER TABLE users DROP COLUMN verified_at; ALTER TABLE users DROP COLUMN created_at;
