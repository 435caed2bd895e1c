package com.orderengine.stripeemulator.http;

/** Answers the requests of one route. */
@FunctionalInterface
public interface Endpoint {
    Response handle(Request request);
}
