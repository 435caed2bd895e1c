--liquibase formatted sql

--changeset orderengine:009-throttle-buckets
-- The buckets now also count the mail a visitor makes the shop send, not only failed sign-ins.
ALTER TABLE sign_in_throttle RENAME TO throttle_buckets;
--rollback ALTER TABLE throttle_buckets RENAME TO sign_in_throttle;
