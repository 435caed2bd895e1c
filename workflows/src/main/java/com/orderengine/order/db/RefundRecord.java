package com.orderengine.order.db;

import java.math.BigDecimal;
import java.time.Instant;

/** A row of {@code refunds}: money the engine gave back through Stripe. */
public record RefundRecord(
        String stripeRefundId,
        String stripePaymentIntentId,
        BigDecimal amount,
        String currency,
        String reason,
        Instant createdAt) {}
