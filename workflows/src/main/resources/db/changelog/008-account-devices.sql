--liquibase formatted sql

--changeset orderengine:008-account-devices
-- Browsers an account has signed in from (OWASP's device cookies): their failed sign-ins count against the
-- device alone, so nobody guessing from elsewhere can throttle the customer's own browser. Kept as SHA-256 hashes.
CREATE TABLE account_devices (
  token_hash BYTEA PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX account_devices_user_id_idx ON account_devices (user_id);
--rollback DROP TABLE account_devices;
