package com.orderengine.stripeemulator.fault;

/** The API operations that can be counted and have faults injected. */
public enum StripeOperation {
    CREATE_CHECKOUT_SESSION,
    RETRIEVE_CHECKOUT_SESSION,
    EXPIRE_CHECKOUT_SESSION,
    CREATE_REFUND,
    RETRIEVE_REFUND,
    LIST_REFUNDS
}
