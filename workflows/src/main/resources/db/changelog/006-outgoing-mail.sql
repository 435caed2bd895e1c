--liquibase formatted sql

--changeset orderengine:006-outgoing-mail
-- Mail waits here until the SMTP server has accepted it: whoever decides to write to a customer (a sign-up, an
-- order's workflow) adds a row in its own transaction, and the worker's relay sends it, retrying while SMTP is down.
-- message_id is the mail's Message-ID header and makes adding idempotent: one mail per event, however often the
-- event is retried. The bodies are cleared once sent, since they may carry a single-use link.
CREATE TABLE outgoing_mail (
  id BIGSERIAL PRIMARY KEY,
  message_id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  text_body TEXT,
  html_body TEXT,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_error TEXT,
  sent_at TIMESTAMPTZ
);
CREATE INDEX outgoing_mail_due_idx ON outgoing_mail (next_attempt_at) WHERE sent_at IS NULL;
--rollback DROP TABLE outgoing_mail;
