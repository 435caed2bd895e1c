package com.orderengine.stripeemulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request the emulator serves passes here: read off the JDK server, routed, answered. Endpoints answer
 * their own errors in their own shape (Stripe's JSON for the API, a page for a browser); what escapes them
 * becomes a plain 400 or 500.
 */
final class ExchangeHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeHandler.class);

    private final Router router;

    ExchangeHandler(Router router) {
        this.router = router;
    }

    @Override
    public void handle(HttpExchange exchange) {
        Response response;
        try {
            response = answer(exchange);
        } catch (IOException e) {
            LOG.debug("Could not read request {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            exchange.close();
            return;
        } catch (MalformedFormException e) {
            response = Response.text(400, "Bad request: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure handling {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            response = Response.text(500, "The Stripe emulator failed unexpectedly: " + e);
        }
        write(exchange, response);
    }

    private Response answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        byte[] body = exchange.getRequestBody().readNBytes(Request.MAX_BODY_BYTES + 1);
        boolean tooLarge = body.length > Request.MAX_BODY_BYTES;
        Router.Match match = router.match(method, path);
        Request request = new Request(
                method,
                path,
                match.pathParams(),
                exchange.getRequestHeaders(),
                exchange.getRequestURI().getRawQuery(),
                tooLarge ? "" : new String(body, StandardCharsets.UTF_8),
                tooLarge);
        return match.endpoint().handle(request);
    }

    private static void write(HttpExchange exchange, Response response) {
        response.headers().forEach(exchange.getResponseHeaders()::set);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        byte[] body = response.body();
        try {
            exchange.sendResponseHeaders(response.status(), head || body.length == 0 ? -1 : body.length);
            if (!head && body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            // The client went away (for example it timed out during an injected delay).
            LOG.debug("Could not write response to {}", exchange.getRemoteAddress(), e);
        } finally {
            exchange.close();
        }
    }
}
