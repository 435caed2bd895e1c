package com.orderengine.stripeemulator.api;

/** The exact status and body first answered for an idempotency key, kept to be replayed byte for byte. */
public record StoredResponse(int status, byte[] body) {

    public StoredResponse {
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
