package com.orderengine.order.db;

import java.math.BigDecimal;
import java.time.Instant;

/** A row of {@code orders} as the engine reads it. */
public record OrderRecord(
        int id,
        String reference,
        String email,
        String currency,
        BigDecimal total,
        String status,
        String statusDetail,
        String stripeSessionId,
        String stripeSessionUrl,
        Instant stripeSessionExpiresAt,
        String stripePaymentIntentId,
        Instant createdAt,
        Instant paidAt) {}
