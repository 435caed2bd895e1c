package com.orderengine.stripeemulator.http;

import com.orderengine.stripeemulator.error.StripeErrorException;
import com.orderengine.stripeemulator.fault.FaultInjector;
import com.orderengine.stripeemulator.fault.StripeOperation;
import com.orderengine.stripeemulator.idempotency.IdempotencyStore;
import com.orderengine.stripeemulator.idempotency.IdempotentOutcome;
import com.orderengine.stripeemulator.idempotency.RequestSignature;
import com.orderengine.stripeemulator.idempotency.StoredResponse;
import com.orderengine.stripeemulator.json.Json;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * Runs a routed request through what surrounds every operation, in this order: counting, injected
 * delay, injected failure before executing, idempotent execution, injected hold of the response,
 * injected failure after executing. The hold comes after the idempotent execution has released the
 * key, so a retry arriving meanwhile gets the replay instead of waiting for the held response.
 */
final class OperationInvoker {

    private final FaultInjector faults;
    private final IdempotencyStore idempotency;
    private final OperationCounters counters;

    OperationInvoker(FaultInjector faults, IdempotencyStore idempotency, OperationCounters counters) {
        this.faults = faults;
        this.idempotency = idempotency;
        this.counters = counters;
    }

    ApiResponse invoke(Router.Route route, ApiRequest request) {
        StripeOperation op = route.operation();
        if (op == null) {
            return executeIdempotently(route, request);
        }
        counters.increment(op);
        faults.takeDelay(op).ifPresent(OperationInvoker::sleep);
        OptionalInt failBefore = faults.takeFailureBeforeExecuting(op);
        if (failBefore.isPresent()) {
            return injectedFailure(op, failBefore.getAsInt(), "before executing it");
        }
        ApiResponse response = executeIdempotently(route, request);
        faults.takeDelayAfterExecuting(op).ifPresent(OperationInvoker::sleep);
        OptionalInt failAfter = faults.takeFailureAfterExecuting(op);
        if (failAfter.isPresent()) {
            return injectedFailure(op, failAfter.getAsInt(), "after executing it (the response was lost)");
        }
        return response;
    }

    private ApiResponse executeIdempotently(Router.Route route, ApiRequest request) {
        if (!"POST".equals(request.method()) || request.idempotencyKey() == null) {
            return execute(route, request);
        }
        RequestSignature signature =
                new RequestSignature(request.method(), request.path(), Json.fingerprint(request.params()));
        IdempotentOutcome outcome = idempotency.execute(request.idempotencyKey(), signature, () -> {
            ApiResponse response = execute(route, request);
            return new StoredResponse(response.status(), response.body());
        });
        return new ApiResponse(outcome.response().status(), outcome.response().body(), outcome.replayed());
    }

    private static ApiResponse execute(Router.Route route, ApiRequest request) {
        try {
            return route.handler().handle(request);
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
