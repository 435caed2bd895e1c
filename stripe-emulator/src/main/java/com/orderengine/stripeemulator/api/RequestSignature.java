package com.orderengine.stripeemulator.api;

/** What a key was first used for: a replay must match it exactly. */
public record RequestSignature(String method, String path, String parametersFingerprint) {}
