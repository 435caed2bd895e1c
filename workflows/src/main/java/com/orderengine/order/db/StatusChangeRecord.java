package com.orderengine.order.db;

import java.time.Instant;

/** A row of {@code order_status_changes}. */
public record StatusChangeRecord(
        String fromStatus, String toStatus, String reason, String stripeEventId, Instant changedAt) {}
