package com.orderengine.bench.payment;

/** An event body and the Stripe-Signature header that goes with it. */
public record SignedEvent(String payload, String signature) {}
