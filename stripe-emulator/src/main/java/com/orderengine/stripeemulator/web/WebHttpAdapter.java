package com.orderengine.stripeemulator.web;

import com.orderengine.stripeemulator.form.FormDecoder;
import com.orderengine.stripeemulator.form.MalformedFormException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a {@link WebHandler} on the JDK server: decodes the request, writes the answer, turns failures into 4xx/5xx. */
public final class WebHttpAdapter implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(WebHttpAdapter.class);
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final WebHandler handler;

    public WebHttpAdapter(WebHandler handler) {
        this.handler = handler;
    }

    @Override
    public void handle(HttpExchange exchange) {
        WebResponse response;
        try {
            response = handler.handle(request(exchange));
        } catch (MalformedFormException e) {
            response = WebResponse.text(400, "Bad request: " + e.getMessage());
        } catch (IOException e) {
            LOG.debug("Could not read request {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            exchange.close();
            return;
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure handling {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            response = WebResponse.text(500, "The Stripe emulator failed unexpectedly: " + e);
        }
        write(exchange, response);
    }

    private static WebRequest request(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new MalformedFormException("request body larger than " + MAX_BODY_BYTES + " bytes");
        }
        Map<String, Object> form = FormDecoder.decode(new String(body, StandardCharsets.UTF_8));
        return new WebRequest(
                exchange.getRequestMethod(), segments(exchange.getRequestURI().getRawPath()), form);
    }

    /** Decoded, non-empty segments: a trailing slash does not make a different page. */
    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.split("/")) {
            if (raw.isEmpty()) {
                continue;
            }
            try {
                segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new MalformedFormException("malformed path segment " + raw);
            }
        }
        return segments;
    }

    private static void write(HttpExchange exchange, WebResponse response) {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (response.location() != null) {
            exchange.getResponseHeaders().set("Location", response.location());
        }
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
            LOG.debug("Could not write response to {}", exchange.getRemoteAddress(), e);
        } finally {
            exchange.close();
        }
    }
}
