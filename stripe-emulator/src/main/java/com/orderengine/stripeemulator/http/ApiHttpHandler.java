package com.orderengine.stripeemulator.http;

import com.orderengine.stripeemulator.error.StripeErrorException;
import com.orderengine.stripeemulator.form.FormDecoder;
import com.orderengine.stripeemulator.form.MalformedFormException;
import com.orderengine.stripeemulator.support.OrderLogContext;
import com.orderengine.stripeemulator.support.RandomIds;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single entry point for API requests: authenticates, routes, decodes parameters, invokes the
 * operation and writes the response with Stripe's headers. Every failure becomes a Stripe-shaped error.
 * Every answered request is logged in one line, with the order it concerns in the MDC while the
 * operation runs and the line is logged (see {@link ApiRequestLog}).
 */
final class ApiHttpHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHttpHandler.class);
    private static final int MAX_BODY_BYTES = 1 << 20;
    private static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

    private final ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator();
    private final Router router;
    private final OperationInvoker invoker;
    private final ApiRequestLog requestLog = new ApiRequestLog();

    ApiHttpHandler(Router router, OperationInvoker invoker) {
        this.router = router;
        this.invoker = invoker;
    }

    @Override
    public void handle(HttpExchange exchange) {
        long started = System.nanoTime();
        String requestId = RandomIds.request();
        Routed routed = null;
        ApiResponse response = null;
        try {
            routed = route(exchange);
        } catch (StripeErrorException e) {
            response = ApiResponse.error(e);
        } catch (MalformedFormException e) {
            response = ApiResponse.error(
                    StripeErrorException.invalidRequest("Invalid request body: " + e.getMessage(), null));
        } catch (IOException e) {
            LOG.debug("Could not read request {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            exchange.close();
            return;
        } catch (RuntimeException e) {
            response = unexpectedFailure(exchange, e);
        }
        // The operation runs, and its line is logged, tagged with the order it concerns.
        OrderLogContext.Scope order = OrderLogContext.open(routed == null ? null : orderOf(routed));
        try {
            if (response == null) {
                response = invoke(exchange, routed);
            }
            requestLog.answered(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    routed == null ? null : routed.request().pathParam("id"),
                    response,
                    started);
        } finally {
            order.close();
        }
        write(exchange, requestId, response);
    }

    /** A request that passed authentication and found its route, with its parameters decoded. */
    private record Routed(Router.Route route, ApiRequest request) {}

    private Routed route(HttpExchange exchange) throws IOException {
        Headers headers = exchange.getRequestHeaders();
        authenticator.authenticate(headers.getFirst("Authorization"));
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        Router.Match match =
                router.match(method, path).orElseThrow(() -> StripeErrorException.unrecognizedUrl(method, path));
        String query = exchange.getRequestURI().getRawQuery();
        String body = readBody(exchange.getRequestBody());
        String form = query == null || query.isEmpty() ? body : body.isEmpty() ? query : query + "&" + body;
        ApiRequest request =
                new ApiRequest(method, path, FormDecoder.decode(form), match.pathParams(), idempotencyKey(headers));
        return new Routed(match.route(), request);
    }

    private ApiResponse invoke(HttpExchange exchange, Routed routed) {
        try {
            return invoker.invoke(routed.route(), routed.request());
        } catch (StripeErrorException e) {
            return ApiResponse.error(e);
        } catch (MalformedFormException e) {
            return ApiResponse.error(
                    StripeErrorException.invalidRequest("Invalid request body: " + e.getMessage(), null));
        } catch (RuntimeException e) {
            return unexpectedFailure(exchange, e);
        }
    }

    /** Finding the order is for the log only: a failure there must not fail the request. */
    private static String orderOf(Routed routed) {
        try {
            return routed.route().orders().orderOf(routed.request());
        } catch (RuntimeException e) {
            LOG.debug(
                    "Could not tell which order {} {} concerns",
                    routed.request().method(),
                    routed.request().path(),
                    e);
            return null;
        }
    }

    private static ApiResponse unexpectedFailure(HttpExchange exchange, RuntimeException e) {
        LOG.error("Unexpected failure handling {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        return ApiResponse.error(new StripeErrorException(
                500, StripeErrorException.API_ERROR, "The Stripe emulator failed unexpectedly: " + e, null, null));
    }

    private static String idempotencyKey(Headers headers) {
        String key = headers.getFirst("Idempotency-Key");
        if (key == null || key.isEmpty()) {
            return null;
        }
        if (key.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
            throw StripeErrorException.invalidRequest(
                    "Idempotency-Key: must be at most " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters.", null);
        }
        return key;
    }

    private static String readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new StripeErrorException(
                    413,
                    StripeErrorException.INVALID_REQUEST,
                    "Request body is larger than " + MAX_BODY_BYTES + " bytes.",
                    null,
                    null);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void write(HttpExchange exchange, String requestId, ApiResponse response) {
        Headers out = exchange.getResponseHeaders();
        Headers in = exchange.getRequestHeaders();
        out.set("Content-Type", "application/json");
        out.set("Cache-Control", "no-cache, no-store");
        out.set("Request-Id", requestId);
        copyIfPresent(in, out, "Stripe-Version");
        if ("POST".equals(exchange.getRequestMethod())) {
            copyIfPresent(in, out, "Idempotency-Key");
        }
        if (response.replayed()) {
            out.set("Idempotent-Replayed", "true");
        }
        byte[] body = response.body();
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        try {
            exchange.sendResponseHeaders(response.status(), head ? -1 : body.length);
            if (!head) {
                try (OutputStream stream = exchange.getResponseBody()) {
                    stream.write(body);
                }
            }
        } catch (IOException e) {
            // The client went away (for example it timed out during an injected delay).
            LOG.debug("Could not write response {} to {}", requestId, exchange.getRemoteAddress(), e);
        } finally {
            exchange.close();
        }
    }

    private static void copyIfPresent(Headers from, Headers to, String name) {
        String value = from.getFirst(name);
        if (value != null) {
            to.set(name, value);
        }
    }
}
