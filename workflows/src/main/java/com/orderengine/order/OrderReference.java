package com.orderengine.order;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The public order id: 128 random bits, URL-safe base64 (22 characters). It is what clients, Stripe's
 * {@code client_reference_id} and the workflow id carry; the SERIAL id never leaves the database.
 */
public final class OrderReference {

    /** The metadata key under which the order is repeated on Stripe's objects (sessions, PaymentIntents, refunds). */
    public static final String METADATA_KEY = "order_id";

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final String WORKFLOW_ID_PREFIX = "order-";

    private OrderReference() {}

    public static String random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /**
     * The same Idempotency-Key always names the same order, so a retried request lands on the same workflow.
     * Hashing keeps the client's key out of ids and search attributes.
     */
    public static String fromIdempotencyKey(String idempotencyKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("order-engine/idempotency-key/v1:" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
            return ENCODER.encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    public static boolean isWellFormed(String candidate) {
        return candidate != null && FORMAT.matcher(candidate).matches();
    }

    public static String workflowId(String reference) {
        return WORKFLOW_ID_PREFIX + reference;
    }

    /** The order a workflow id names: the inverse of {@link #workflowId}. */
    public static String fromWorkflowId(String workflowId) {
        if (!workflowId.startsWith(WORKFLOW_ID_PREFIX)) {
            throw new IllegalArgumentException("not an order workflow id: " + workflowId);
        }
        return workflowId.substring(WORKFLOW_ID_PREFIX.length());
    }
}
