package com.orderengine.api.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/** Builds the JSON error answers. */
public final class JsonErrors {

    public static final String RETRY_AFTER = "Retry-After";

    private JsonErrors() {}

    /** A 503: a dependency is down or the api is busy; the caller should come back after {@code retryAfter}. */
    public static Response unavailable(String message, Duration retryAfter) {
        return response(503, message, retryAfter);
    }

    /** With {@code Retry-After} when {@code retryAfter} is not null. */
    public static Response response(int status, String message, Duration retryAfter) {
        Response.ResponseBuilder response =
                Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorResponse(message));
        if (retryAfter != null) {
            response.header(RETRY_AFTER, seconds(retryAfter));
        }
        return response.build();
    }

    /** Whole seconds, at least one: what {@code Retry-After} takes. */
    static String seconds(Duration duration) {
        return Long.toString(Math.max(1, (duration.toMillis() + 999) / 1000));
    }

    public static Response response(int status, String message) {
        return response(status, message, null);
    }
}
