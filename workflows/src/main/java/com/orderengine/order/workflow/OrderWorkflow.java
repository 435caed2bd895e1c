package com.orderengine.order.workflow;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One durable workflow per order, id {@code order-<orderId>}: checkout, payment, and the order's final state. */
@WorkflowInterface
public interface OrderWorkflow {

    @WorkflowMethod
    OrderOutcome run(OrderInput input);

    /** Answers the checkout URL once the Checkout Session exists; sent with update-with-start. */
    @UpdateMethod
    CheckoutLink checkout(String requestFingerprint);

    @UpdateValidatorMethod(updateName = "checkout")
    void validateCheckout(String requestFingerprint);

    /** A verified Stripe event for this order; events already seen are ignored. */
    @SignalMethod
    void paymentEvent(PaymentEvent event);

    @QueryMethod
    OrderSnapshot state();
}
