package com.orderengine.stripeemulator.support;

import java.security.SecureRandom;

/** Stripe-looking identifiers: a prefix plus random alphanumerics. */
public final class RandomIds {

    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomIds() {}

    public static String checkoutSession() {
        // Real test-mode ids look like cs_test_a1… followed by ~58 characters.
        return "cs_test_" + "a1" + random(58);
    }

    public static String paymentIntent() {
        return "pi_" + random(24);
    }

    public static String charge() {
        return "ch_" + random(24);
    }

    public static String refund() {
        return "re_" + random(24);
    }

    public static String lineItem() {
        return "li_" + random(24);
    }

    public static String price() {
        return "price_" + random(24);
    }

    public static String product() {
        return "prod_" + random(14);
    }

    public static String event() {
        return "evt_" + random(24);
    }

    public static String request() {
        return "req_" + random(14);
    }

    private static String random(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }
}
