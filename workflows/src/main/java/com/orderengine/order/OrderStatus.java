package com.orderengine.order;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * An order's life, and the one place that says which moves are allowed. Nothing moves an order backwards:
 * a late {@code expired} after {@code paid}, for example, is refused here.
 */
public enum OrderStatus {
    PENDING,
    PAID,
    EXPIRED,
    FAILED,
    CANCELLED,
    REFUNDED;

    /** The value stored in {@code orders.status} and shown in the API and search attributes. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OrderStatus fromValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public Set<OrderStatus> allowedNext() {
        return switch (this) {
            case PENDING -> EnumSet.of(PAID, EXPIRED, FAILED, CANCELLED);
            case PAID -> EnumSet.of(REFUNDED);
            case EXPIRED, FAILED, CANCELLED, REFUNDED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    public boolean canMoveTo(OrderStatus next) {
        return allowedNext().contains(next);
    }

    /** No payment can change a final order any more (a refund of a paid order is handled apart). */
    public boolean isFinal() {
        return this != PENDING;
    }
}
