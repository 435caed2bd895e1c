package com.orderengine.stripeemulator;

import com.stripe.StripeClient;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionCreateParams.LineItem;

/** stripe-java clients and request parameters shared by the tests. */
final class TestStripe {

    static final String API_KEY = "sk_test_emulator_0123456789";

    private TestStripe() {}

    static StripeClient client(StripeEmulator emulator) {
        return clientBuilder(emulator).build();
    }

    static StripeClient.StripeClientBuilder clientBuilder(StripeEmulator emulator) {
        return StripeClient.builder().setApiKey(API_KEY).setApiBase(emulator.baseUrl());
    }

    /** The smallest valid payment-mode session: one mug. */
    static SessionCreateParams.Builder minimalSession() {
        return SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl("https://shop.example/success?session_id={CHECKOUT_SESSION_ID}")
                .addLineItem(line("Mug", 1999, 1, "usd"));
    }

    static LineItem line(String name, long unitAmount, long quantity, String currency) {
        return LineItem.builder()
                .setQuantity(quantity)
                .setPriceData(LineItem.PriceData.builder()
                        .setCurrency(currency)
                        .setUnitAmount(unitAmount)
                        .setProductData(LineItem.PriceData.ProductData.builder()
                                .setName(name)
                                .build())
                        .build())
                .build();
    }
}
