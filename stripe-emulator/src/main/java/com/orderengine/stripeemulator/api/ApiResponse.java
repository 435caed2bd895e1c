package com.orderengine.stripeemulator.api;

import com.orderengine.stripeemulator.http.Json;
import com.orderengine.stripeemulator.http.StripeErrorException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON response: status, body bytes, and whether it is an idempotent replay. */
record ApiResponse(int status, byte[] body, boolean replayed) {

    static ApiResponse ok(Object json) {
        return new ApiResponse(200, Json.write(json), false);
    }

    static ApiResponse error(StripeErrorException error) {
        Map<String, Object> detail = new LinkedHashMap<>();
        if (error.code() != null) {
            detail.put("code", error.code());
        }
        detail.put("message", error.getMessage());
        if (error.param() != null) {
            detail.put("param", error.param());
        }
        detail.put("type", error.type());
        return new ApiResponse(error.httpStatus(), Json.write(Map.of("error", detail)), false);
    }
}
