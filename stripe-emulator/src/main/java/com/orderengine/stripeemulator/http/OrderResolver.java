package com.orderengine.stripeemulator.http;

/**
 * Which of our orders a request concerns, for the log context: found in its parameters (a create) or
 * through the object it acts on. Null when it concerns none, or nothing looks like an order reference.
 * Must not change anything.
 */
@FunctionalInterface
interface OrderResolver {

    OrderResolver NONE = request -> null;

    String orderOf(ApiRequest request);
}
