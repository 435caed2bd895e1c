package com.orderengine.api.checkout;

import com.orderengine.order.OrderMetrics;
import com.orderengine.order.OrderMetrics.CheckoutOutcome;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Counts each answer to {@code POST /api/checkout} by its status. It runs on the answer, so the 4xx that Jersey
 * gives before the service runs (malformed JSON, bean validation) are counted with the service's own.
 */
@CountedCheckout
public class CheckoutOutcomeFilter implements ContainerResponseFilter {

    private final OrderMetrics metrics;

    public CheckoutOutcomeFilter(OrderMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        metrics.checkout(outcome(response.getStatus()));
    }

    static CheckoutOutcome outcome(int status) {
        if (status < 400) {
            return CheckoutOutcome.STARTED;
        }
        if (status < 500) {
            return CheckoutOutcome.REJECTED;
        }
        return status == 503 ? CheckoutOutcome.UNAVAILABLE : CheckoutOutcome.FAILED;
    }
}
