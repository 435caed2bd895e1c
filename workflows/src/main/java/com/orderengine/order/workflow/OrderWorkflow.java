package com.orderengine.order.workflow;

import com.orderengine.order.stripe.CheckoutSessionState;
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

    /**
     * The customer cancels an unpaid order: the Stripe session is expired first, so no payment can land after,
     * then the order is marked cancelled. Refused for an order that is paid or otherwise final.
     */
    @UpdateMethod
    OrderSnapshot cancel(String reason);

    @UpdateValidatorMethod(updateName = "cancel")
    void validateCancel(String reason);

    /** A verified Stripe event for this order; events already seen are ignored. */
    @SignalMethod
    void paymentEvent(PaymentEvent event);

    /**
     * The order's checkout session as the recovery pass just read it at Stripe, applied as a poll's answer would
     * be (paid, expired): sent after an outage to each pending order whose session moved while its webhooks were
     * undelivered. Does nothing once the order is final.
     */
    @SignalMethod
    void sessionAtStripe(CheckoutSessionState session);

    @QueryMethod
    OrderSnapshot state();
}
