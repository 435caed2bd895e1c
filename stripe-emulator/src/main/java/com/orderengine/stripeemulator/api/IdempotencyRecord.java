package com.orderengine.stripeemulator.api;

/**
 * A stored idempotent response as kept on disk. {@code body} is the response's JSON text;
 * {@code storedAt} is epoch milliseconds by the emulator's clock.
 */
public record IdempotencyRecord(String key, RequestSignature signature, int status, String body, long storedAt) {}
