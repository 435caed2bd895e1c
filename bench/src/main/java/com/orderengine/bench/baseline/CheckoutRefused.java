package com.orderengine.bench.baseline;

/** A checkout the baseline answers with a 4xx or 5xx and a JSON error. */
final class CheckoutRefused extends RuntimeException {

    private final int status;

    CheckoutRefused(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
