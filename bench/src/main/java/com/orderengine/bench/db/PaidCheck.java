package com.orderengine.bench.db;

/** Orders the payment steps measured, as the database sees them afterwards. */
public record PaidCheck(long measured, long found, long paid, long movedToPaidOnce) {

    public boolean allPaidOnce() {
        return measured == found && found == paid && paid == movedToPaidOnce;
    }
}
