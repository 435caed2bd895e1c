package com.orderengine.stripeemulator.http;

/**
 * An error that is answered to the client in Stripe's error shape
 * ({@code {"error":{"type":…,"message":…,"param":…,"code":…}}}).
 */
public final class StripeErrorException extends RuntimeException {

    public static final String INVALID_REQUEST = "invalid_request_error";
    public static final String IDEMPOTENCY = "idempotency_error";
    public static final String RATE_LIMIT = "rate_limit_error";
    public static final String API_ERROR = "api_error";

    private final int httpStatus;
    private final String type;
    private final String param;
    private final String code;

    public StripeErrorException(int httpStatus, String type, String message, String param, String code) {
        super(message);
        this.httpStatus = httpStatus;
        this.type = type;
        this.param = param;
        this.code = code;
    }

    public static StripeErrorException invalidRequest(String message, String param, String code) {
        return new StripeErrorException(400, INVALID_REQUEST, message, param, code);
    }

    public static StripeErrorException invalidRequest(String message, String param) {
        return invalidRequest(message, param, null);
    }

    public static StripeErrorException missingParam(String param) {
        return invalidRequest("Missing required param: " + param + ".", param, "parameter_missing");
    }

    public static StripeErrorException unknownParam(String param) {
        return invalidRequest("Received unknown parameter: " + param, param, "parameter_unknown");
    }

    public static StripeErrorException resourceMissing(String objectName, String id, String param) {
        return new StripeErrorException(
                404, INVALID_REQUEST, "No such " + objectName + ": '" + id + "'", param, "resource_missing");
    }

    public static StripeErrorException unrecognizedUrl(String method, String path) {
        return new StripeErrorException(
                404,
                INVALID_REQUEST,
                "Unrecognized request URL (" + method + ": " + path + "). Please see https://stripe.com/docs "
                        + "or we can help at https://support.stripe.com/.",
                null,
                null);
    }

    public static StripeErrorException authentication(String message) {
        return new StripeErrorException(401, INVALID_REQUEST, message, null, null);
    }

    public static StripeErrorException idempotencyKeyReused(String key) {
        return new StripeErrorException(
                400,
                IDEMPOTENCY,
                "Keys for idempotent requests can only be used with the same parameters they were first used with. "
                        + "Try using a key other than '" + key + "' if you meant to execute a different request.",
                null,
                null);
    }

    /** The error shape Stripe uses for a given status when the status itself is the point (fault injection). */
    public static StripeErrorException forStatus(int httpStatus, String message) {
        if (httpStatus == 429) {
            return new StripeErrorException(429, RATE_LIMIT, message, null, "rate_limit");
        }
        if (httpStatus >= 500) {
            return new StripeErrorException(httpStatus, API_ERROR, message, null, null);
        }
        return new StripeErrorException(httpStatus, INVALID_REQUEST, message, null, null);
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String type() {
        return type;
    }

    public String param() {
        return param;
    }

    public String code() {
        return code;
    }
}
