package com.orderengine.account.db;

import java.time.Instant;

/** A signed-in session: whose, since when, and when it was last used (for the idle timeout). */
public record AccountSession(int userId, Instant createdAt, Instant lastSeenAt) {}
