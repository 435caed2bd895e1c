package com.orderengine.stripeemulator.refund;

import java.util.Optional;

/** A refund's {@code reason}: the values Stripe accepts when creating one. */
public enum RefundReason {
    DUPLICATE("duplicate"),
    FRAUDULENT("fraudulent"),
    REQUESTED_BY_CUSTOMER("requested_by_customer");

    private final String wireName;

    RefundReason(String wireName) {
        this.wireName = wireName;
    }

    /** The value Stripe uses in JSON and form parameters. */
    public String wireName() {
        return wireName;
    }

    public static Optional<RefundReason> fromWireName(String wireName) {
        for (RefundReason reason : values()) {
            if (reason.wireName.equals(wireName)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}
