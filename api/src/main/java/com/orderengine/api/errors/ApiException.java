package com.orderengine.api.errors;

import java.time.Duration;

/** A failure with a status and a message meant for the client. */
public class ApiException extends RuntimeException {

    /** What a 503 tells the caller to wait before retrying, unless it says otherwise. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    private final int status;
    private final Duration retryAfter;

    public ApiException(int status, String message) {
        this(status, message, null);
    }

    private ApiException(int status, String message, Duration retryAfter) {
        super(message);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    /** Sent as {@code Retry-After}; null for none. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, message);
    }

    /** A 429 with {@code Retry-After}: "{@code tooMany}; try again in N seconds". */
    public static ApiException tooManyRequests(String tooMany, Duration retryAfter) {
        return new ApiException(
                429, tooMany + "; try again in " + JsonErrors.seconds(retryAfter) + " seconds", retryAfter);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    public static ApiException unprocessable(String message) {
        return new ApiException(422, message);
    }

    public static ApiException unavailable(String message) {
        return unavailable(message, DEFAULT_RETRY_AFTER);
    }

    public static ApiException unavailable(String message, Duration retryAfter) {
        return new ApiException(503, message, retryAfter);
    }
}
