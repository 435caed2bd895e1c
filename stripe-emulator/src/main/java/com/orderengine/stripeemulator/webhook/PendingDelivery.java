package com.orderengine.stripeemulator.webhook;

/** A delivery still under way, as kept on disk so a restarted emulator carries on with it. */
public record PendingDelivery(String eventId, int attemptsMade, boolean redelivery) {}
