package com.orderengine.order.workflow;

import java.math.BigDecimal;
import java.util.List;

/** The live state the {@code state} query returns to operators. */
public record OrderSnapshot(
        String orderId,
        String status,
        String detail,
        String currency,
        BigDecimal total,
        String checkoutSessionId,
        String checkoutUrl,
        Long sessionExpiresAtEpochSecond,
        String paymentIntentId,
        List<String> seenEventIds,
        int duplicateEvents,
        boolean flaggedForOperator) {}
