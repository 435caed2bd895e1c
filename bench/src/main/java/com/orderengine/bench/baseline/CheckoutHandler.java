package com.orderengine.bench.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** {@code POST /checkout}: JSON in, {@code {orderId, url}} out, errors as {@code {"error": …}} like the engine's. */
final class CheckoutHandler implements HttpHandler {

    /** The engine refuses bodies over 1 MiB; so does the baseline. */
    private static final int MAX_BODY = 1 << 20;

    private final ObjectMapper json = new ObjectMapper();
    private final BaselineCheckout checkout;

    CheckoutHandler(BaselineCheckout checkout) {
        this.checkout = checkout;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, Map.of("error", "use POST"));
                return;
            }
            byte[] body = read(exchange.getRequestBody());
            if (body == null) {
                respond(exchange, 413, Map.of("error", "body larger than 1 MiB"));
                return;
            }
            CheckoutBody request;
            try {
                request = json.readValue(body, CheckoutBody.class);
            } catch (JsonProcessingException e) {
                respond(exchange, 400, Map.of("error", "malformed JSON"));
                return;
            }
            try {
                respond(
                        exchange,
                        200,
                        checkout.checkout(request, exchange.getRequestHeaders().getFirst("Idempotency-Key")));
            } catch (CheckoutRefused e) {
                respond(exchange, e.status(), Map.of("error", e.getMessage()));
            } catch (RuntimeException e) {
                respond(exchange, 500, Map.of("error", String.valueOf(e)));
            }
        }
    }

    private static byte[] read(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : body;
    }

    private void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
