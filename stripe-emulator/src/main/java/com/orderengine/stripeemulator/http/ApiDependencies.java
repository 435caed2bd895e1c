package com.orderengine.stripeemulator.http;

import com.orderengine.stripeemulator.checkout.CheckoutSessionParamsParser;
import com.orderengine.stripeemulator.checkout.CheckoutSessionService;
import com.orderengine.stripeemulator.event.EventStore;
import com.orderengine.stripeemulator.fault.FaultInjector;
import com.orderengine.stripeemulator.idempotency.IdempotencyStore;
import com.orderengine.stripeemulator.refund.RefundService;

/** What the API layer calls into; assembled by the emulator so state is shared with its Java API. */
public record ApiDependencies(
        CheckoutSessionService checkoutSessions,
        CheckoutSessionParamsParser checkoutSessionParams,
        RefundService refunds,
        EventStore events,
        FaultInjector faults,
        IdempotencyStore idempotency,
        OperationCounters counters,
        OrderLookup orders) {}
