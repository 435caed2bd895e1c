package com.orderengine.order.stripe;

import com.orderengine.order.PricedLine;
import java.util.List;

/**
 * What the Checkout Session is created from. Every field is fixed before the first attempt (expiresAt comes from
 * workflow time), so a retried request carries the same parameters under the same Stripe idempotency key.
 */
public record CheckoutSessionRequest(
        String orderId, String email, String currency, List<PricedLine> lines, long expiresAtEpochSecond) {}
