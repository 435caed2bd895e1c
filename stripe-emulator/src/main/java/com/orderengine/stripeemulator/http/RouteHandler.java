package com.orderengine.stripeemulator.http;

/** Handles one API endpoint; may throw {@code StripeErrorException} to answer an error. */
@FunctionalInterface
interface RouteHandler {
    ApiResponse handle(ApiRequest request);
}
