package com.orderengine.stripeemulator.http;

import java.util.Map;

/**
 * An authenticated request routed to a handler: decoded parameters (query string and form body
 * together, as Stripe accepts either), path variables and the idempotency key if one was sent.
 */
record ApiRequest(
        String method, String path, Map<String, Object> params, Map<String, String> pathParams, String idempotencyKey) {

    String pathParam(String name) {
        return pathParams.get(name);
    }
}
