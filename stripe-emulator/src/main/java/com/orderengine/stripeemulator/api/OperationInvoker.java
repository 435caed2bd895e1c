package com.orderengine.stripeemulator.api;

import com.orderengine.stripeemulator.fault.FaultInjector;
import com.orderengine.stripeemulator.fault.StripeOperation;
import com.orderengine.stripeemulator.http.Json;
import com.orderengine.stripeemulator.http.Request;
import com.orderengine.stripeemulator.http.StripeErrorException;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * Runs a routed request through what surrounds every operation, in this order: counting, injected
 * delay, injected failure before executing, idempotent execution, injected hold of the response,
 * injected failure after executing. The hold comes after the idempotent execution has released the
 * key, so a retry arriving meanwhile gets the replay instead of waiting for the held response.
 */
public final class OperationInvoker {

    private final FaultInjector faults;
    private final IdempotencyStore idempotency;
    private final OperationCounters counters;

    public OperationInvoker(FaultInjector faults, IdempotencyStore idempotency, OperationCounters counters) {
        this.faults = faults;
        this.idempotency = idempotency;
        this.counters = counters;
    }

    /** {@code op} is null for an operation that is neither counted nor fault-injectable. */
    ApiResponse invoke(StripeOperation op, RouteHandler handler, Request request, String idempotencyKey) {
        if (op == null) {
            return executeIdempotently(handler, request, idempotencyKey);
        }
        counters.increment(op);
        faults.takeDelay(op).ifPresent(OperationInvoker::sleep);
        OptionalInt failBefore = faults.takeFailureBeforeExecuting(op);
        if (failBefore.isPresent()) {
            return injectedFailure(op, failBefore.getAsInt(), "before executing it");
        }
        ApiResponse response = executeIdempotently(handler, request, idempotencyKey);
        faults.takeDelayAfterExecuting(op).ifPresent(OperationInvoker::sleep);
        OptionalInt failAfter = faults.takeFailureAfterExecuting(op);
        if (failAfter.isPresent()) {
            return injectedFailure(op, failAfter.getAsInt(), "after executing it (the response was lost)");
        }
        return response;
    }

    private ApiResponse executeIdempotently(RouteHandler handler, Request request, String idempotencyKey) {
        if (!request.isPost() || idempotencyKey == null) {
            return execute(handler, request);
        }
        RequestSignature signature =
                new RequestSignature(request.method(), request.path(), Json.fingerprint(request.params()));
        IdempotentOutcome outcome = idempotency.execute(idempotencyKey, signature, () -> {
            ApiResponse response = execute(handler, request);
            return new StoredResponse(response.status(), response.body());
        });
        return new ApiResponse(outcome.response().status(), outcome.response().body(), outcome.replayed());
    }

    private static ApiResponse execute(RouteHandler handler, Request request) {
        try {
            return handler.handle(request);
        } catch (StripeErrorException e) {
            return ApiResponse.error(e);
        }
    }

    private static ApiResponse injectedFailure(StripeOperation op, int status, String when) {
        return ApiResponse.error(StripeErrorException.forStatus(
                status,
                "The Stripe emulator was told to fail this " + op + " request with HTTP " + status + " " + when + "."));
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            // Shutting down: answer without the rest of the delay.
            Thread.currentThread().interrupt();
        }
    }
}
