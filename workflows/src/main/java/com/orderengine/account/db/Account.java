package com.orderengine.account.db;

import java.time.Instant;

/** A customer account; {@code verifiedAt} is null until its address is confirmed. */
public record Account(int id, String email, String passwordHash, String role, Instant createdAt, Instant verifiedAt) {

    public boolean isVerified() {
        return verifiedAt != null;
    }
}
