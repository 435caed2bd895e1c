package com.orderengine.stripeemulator.operator;

/** What the operator page tells about how the emulator runs; null values are shown as "none". */
public record OperatorSettings(String apiBaseUrl, String webhookUrl, String apiVersion, String dataDirectory) {}
