package com.orderengine.stripeemulator.checkout;

/**
 * One line of a Checkout Session. Stripe creates an ad-hoc price and product for every
 * {@code price_data} line; their ids are kept so the line items endpoint can show them stably.
 */
public record CheckoutLineItem(
        String id,
        String priceId,
        String productId,
        String name,
        String description,
        long unitAmount,
        long quantity,
        String currency) {

    public long amountTotal() {
        return Math.multiplyExact(unitAmount, quantity);
    }
}
