package com.orderengine.bench.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderengine.bench.http.BenchHttp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The customer's and Stripe's side of a payment, at the emulator: pay on the hosted page, read the session. */
public final class StripeSessions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BenchHttp http;
    private final String apiBase;
    private final String secretKey;

    public StripeSessions(BenchHttp http, String apiBase, String secretKey) {
        this.http = http;
        this.apiBase = apiBase;
        this.secretKey = secretKey;
    }

    /** What the hosted page's Pay button posts: the session becomes complete and paid (303 to success_url). */
    public void pay(String sessionId) throws Exception {
        HttpResponse<String> response = http.post(
                URI.create(apiBase + "/c/pay/" + URLEncoder.encode(sessionId, StandardCharsets.UTF_8) + "/pay"),
                "application/x-www-form-urlencoded",
                "",
                Map.of());
        if (response.statusCode() != 303) {
            throw new IllegalStateException(
                    "paying " + sessionId + " at the emulator answered " + response.statusCode());
        }
    }

    /** The session exactly as Stripe's API returns it: what a webhook event carries in data.object. */
    public ObjectNode session(String sessionId) throws Exception {
        HttpResponse<String> response = http.get(
                URI.create(apiBase + "/v1/checkout/sessions/" + URLEncoder.encode(sessionId, StandardCharsets.UTF_8)),
                Map.of("Authorization", "Bearer " + secretKey));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("reading " + sessionId + " answered " + response.statusCode());
        }
        return (ObjectNode) JSON.readTree(response.body());
    }
}
