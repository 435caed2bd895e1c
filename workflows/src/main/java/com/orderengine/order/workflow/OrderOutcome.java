package com.orderengine.order.workflow;

/** The workflow's result: the final status and why. */
public record OrderOutcome(String orderId, String status, String detail) {}
