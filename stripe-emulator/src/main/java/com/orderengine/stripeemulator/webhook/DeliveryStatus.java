package com.orderengine.stripeemulator.webhook;

import java.util.Locale;

/** Where an event's delivery stands, as the operator page shows it. */
public enum DeliveryStatus {
    /** A delivery (or redelivery) is still trying. */
    PENDING,
    /** Some attempt got a 2xx. */
    DELIVERED,
    /** Attempts were made and all failed, and none is left. */
    FAILED,
    /** Never sent: no webhook URL was configured. */
    NOT_SENT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
