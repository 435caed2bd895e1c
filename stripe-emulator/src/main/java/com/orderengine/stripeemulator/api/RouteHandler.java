package com.orderengine.stripeemulator.api;

import com.orderengine.stripeemulator.http.Request;

/** Handles one API endpoint; may throw {@code StripeErrorException} to answer an error. */
@FunctionalInterface
interface RouteHandler {
    ApiResponse handle(Request request);
}
