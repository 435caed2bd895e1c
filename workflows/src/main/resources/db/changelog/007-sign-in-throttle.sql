--liquibase formatted sql

--changeset orderengine:007-sign-in-throttle
-- Token buckets of failed sign-ins (bucket4j's PostgreSQL layout), one row per key: a hashed account with a client
-- address, a client address, a hashed account. Rows expire once their bucket would be full again.
CREATE TABLE sign_in_throttle (
  id TEXT PRIMARY KEY,
  state BYTEA,
  expires_at BIGINT
);
--rollback DROP TABLE sign_in_throttle;
