package com.orderengine.stripeemulator.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's webhook signature: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload">}, keyed with the
 * endpoint secret exactly as shown to the user ({@code whsec_} prefix included), which is what
 * stripe-java's {@code Webhook.constructEvent} verifies against.
 */
public final class WebhookSigner {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public WebhookSigner(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String signatureHeader(String payload, long unixSeconds) {
        return "t=" + unixSeconds + ",v1=" + sign(unixSeconds + "." + payload);
    }

    private String sign(String signedPayload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(signedPayload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
