package com.orderengine.stripeemulator.api;

import com.orderengine.stripeemulator.checkout.CheckoutSessionParamsParser;
import com.orderengine.stripeemulator.checkout.CheckoutSessionService;
import com.orderengine.stripeemulator.event.EventStore;
import com.orderengine.stripeemulator.fault.StripeOperation;
import com.orderengine.stripeemulator.http.MalformedFormException;
import com.orderengine.stripeemulator.http.Request;
import com.orderengine.stripeemulator.http.Response;
import com.orderengine.stripeemulator.http.Router;
import com.orderengine.stripeemulator.http.StripeErrorException;
import com.orderengine.stripeemulator.logging.LogTagger;
import com.orderengine.stripeemulator.logging.ObjectLabels;
import com.orderengine.stripeemulator.refund.RefundService;
import com.orderengine.stripeemulator.support.RandomIds;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stripe's API as the emulator serves it on the {@link Router}: each request authenticated, its parameters
 * decoded, run through faults and idempotency ({@link OperationInvoker}), answered with Stripe's JSON and
 * headers; any path no route takes is Stripe's "Unrecognized request URL". Every answered request is logged in
 * one line, tagged with the object it concerns while the operation runs and the line is logged (see
 * {@link ApiRequestLog}).
 */
public final class StripeApi {

    private static final Logger LOG = LoggerFactory.getLogger(StripeApi.class);
    private static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

    private final Router router;
    private final OperationInvoker invoker;
    private final LogTagger tagger;
    private final ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator();
    private final ApiRequestLog requestLog = new ApiRequestLog();

    /** Serves the API on {@code router}, taking every path that no other part of the emulator takes. */
    public StripeApi(Router router, OperationInvoker invoker, LogTagger tagger) {
        this.router = router;
        this.invoker = invoker;
        this.tagger = tagger;
        router.fallback("", request -> answer(request, null));
    }

    /** Serves the {@code /v1/checkout/sessions} endpoints. */
    public StripeApi withCheckoutSessions(
            CheckoutSessionService sessions, CheckoutSessionParamsParser params, LabelLookup labels) {
        new CheckoutSessionRoutes(sessions, params, labels).registerOn(this);
        return this;
    }

    /** Serves the {@code /v1/refunds} endpoints. */
    public StripeApi withRefunds(RefundService refunds, LabelLookup labels) {
        new RefundRoutes(refunds, labels).registerOn(this);
        return this;
    }

    /** Serves the {@code /v1/events} endpoints. */
    public StripeApi withEvents(EventStore events, LabelLookup labels) {
        new EventRoutes(events, labels).registerOn(this);
        return this;
    }

    StripeApi add(String method, String pattern, StripeOperation operation, RouteHandler handler) {
        return add(method, pattern, operation, handler, LabelResolver.NONE);
    }

    /** {@code operation} is null for endpoints that are neither counted nor fault-injectable. */
    StripeApi add(
            String method, String pattern, StripeOperation operation, RouteHandler handler, LabelResolver labels) {
        Route route = new Route(operation, handler, labels);
        router.add(method, pattern, request -> answer(request, route));
        return this;
    }

    private record Route(StripeOperation operation, RouteHandler handler, LabelResolver labels) {}

    /** {@code route} is null for a path no route takes. */
    private Response answer(Request request, Route route) {
        long started = System.nanoTime();
        String requestId = RandomIds.request();
        ApiResponse response = null;
        String idempotencyKey = null;
        try {
            idempotencyKey = admit(request, route);
        } catch (StripeErrorException e) {
            response = ApiResponse.error(e);
        } catch (MalformedFormException e) {
            response = malformed(e);
        } catch (RuntimeException e) {
            response = unexpectedFailure(request, e);
        }
        boolean admitted = response == null;
        // The operation runs, and its line is logged, tagged with the object it concerns.
        LogTagger.Scope tags = tagger.tag(admitted ? labelsOf(route, request) : List.of());
        try {
            if (admitted) {
                response = invoke(request, route, idempotencyKey);
            }
            requestLog.answered(
                    request.method(), request.path(), admitted ? request.pathParam("id") : null, response, started);
        } finally {
            tags.close();
        }
        return toHttp(request, requestId, response);
    }

    /** Checks what Stripe checks before an operation runs, in its order; returns the idempotency key if any. */
    private String admit(Request request, Route route) {
        authenticator.authenticate(request.header("Authorization"));
        if (route == null) {
            throw StripeErrorException.unrecognizedUrl(request.method(), request.path());
        }
        if (request.bodyTooLarge()) {
            throw new StripeErrorException(
                    413,
                    StripeErrorException.INVALID_REQUEST,
                    "Request body is larger than " + Request.MAX_BODY_BYTES + " bytes.",
                    null,
                    null);
        }
        request.params();
        return idempotencyKey(request);
    }

    private ApiResponse invoke(Request request, Route route, String idempotencyKey) {
        try {
            return invoker.invoke(route.operation(), route.handler(), request, idempotencyKey);
        } catch (StripeErrorException e) {
            return ApiResponse.error(e);
        } catch (MalformedFormException e) {
            return malformed(e);
        } catch (RuntimeException e) {
            return unexpectedFailure(request, e);
        }
    }

    /** Finding the labels is for the log only: a failure there must not fail the request. */
    private static List<ObjectLabels> labelsOf(Route route, Request request) {
        try {
            return route.labels().labelsOf(request);
        } catch (RuntimeException e) {
            LOG.debug("Could not tell which object {} {} concerns", request.method(), request.path(), e);
            return List.of();
        }
    }

    private static ApiResponse malformed(MalformedFormException e) {
        return ApiResponse.error(StripeErrorException.invalidRequest("Invalid request body: " + e.getMessage(), null));
    }

    private static ApiResponse unexpectedFailure(Request request, RuntimeException e) {
        LOG.error("Unexpected failure handling {} {}", request.method(), request.path(), e);
        return ApiResponse.error(new StripeErrorException(
                500, StripeErrorException.API_ERROR, "The Stripe emulator failed unexpectedly: " + e, null, null));
    }

    private static String idempotencyKey(Request request) {
        String key = request.header("Idempotency-Key");
        if (key == null || key.isEmpty()) {
            return null;
        }
        if (key.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
            throw StripeErrorException.invalidRequest(
                    "Idempotency-Key: must be at most " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters.", null);
        }
        return key;
    }

    /** Stripe's headers: a request id, the API version and idempotency key echoed, a replay marked. */
    private static Response toHttp(Request request, String requestId, ApiResponse answer) {
        Response response = Response.json(answer.status(), answer.body())
                .withHeader("Cache-Control", "no-cache, no-store")
                .withHeader("Request-Id", requestId);
        String version = request.header("Stripe-Version");
        if (version != null) {
            response = response.withHeader("Stripe-Version", version);
        }
        String key = request.header("Idempotency-Key");
        if (key != null && request.isPost()) {
            response = response.withHeader("Idempotency-Key", key);
        }
        return answer.replayed() ? response.withHeader("Idempotent-Replayed", "true") : response;
    }
}
