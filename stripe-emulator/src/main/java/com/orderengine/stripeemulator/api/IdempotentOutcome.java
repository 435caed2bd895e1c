package com.orderengine.stripeemulator.api;

/** The response for a request, and whether it was replayed from an earlier one with the same key. */
public record IdempotentOutcome(StoredResponse response, boolean replayed) {}
