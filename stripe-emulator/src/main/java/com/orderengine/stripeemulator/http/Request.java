package com.orderengine.stripeemulator.http;

import com.sun.net.httpserver.Headers;
import java.util.Map;

/**
 * A routed request: method, raw path, the path's {@code {name}} variables, headers, and the query string and
 * body as sent. Parameters are decoded when asked for, so that each kind of endpoint answers a malformed one
 * in its own way ({@link MalformedFormException}).
 */
public final class Request {

    /** Stripe's own limit is not documented; a megabyte is far more than any request of ours. */
    public static final int MAX_BODY_BYTES = 1 << 20;

    private final String method;
    private final String path;
    private final Map<String, String> pathParams;
    private final Headers headers;
    private final String query;
    private final String body;
    private final boolean bodyTooLarge;
    private Map<String, Object> params;
    private Map<String, Object> form;

    Request(
            String method,
            String path,
            Map<String, String> pathParams,
            Headers headers,
            String query,
            String body,
            boolean bodyTooLarge) {
        this.method = method;
        this.path = path;
        this.pathParams = Map.copyOf(pathParams);
        this.headers = headers;
        this.query = query == null ? "" : query;
        this.body = body;
        this.bodyTooLarge = bodyTooLarge;
    }

    public String method() {
        return method;
    }

    /** The raw (undecoded) path. */
    public String path() {
        return path;
    }

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    public String header(String name) {
        return headers.getFirst(name);
    }

    /** The body was longer than {@link #MAX_BODY_BYTES} and was not read. */
    public boolean bodyTooLarge() {
        return bodyTooLarge;
    }

    /** The query string and form body decoded together, as Stripe's API accepts parameters in either. */
    public synchronized Map<String, Object> params() {
        if (params == null) {
            params = FormDecoder.decode(query.isEmpty() ? body() : body().isEmpty() ? query : query + "&" + body());
        }
        return params;
    }

    /** The form body alone, as a browser posts it. */
    public synchronized Map<String, Object> form() {
        if (form == null) {
            form = FormDecoder.decode(body());
        }
        return form;
    }

    /** A plain text form field, or null if absent or not plain text. */
    public String formValue(String name) {
        return form().get(name) instanceof String value ? value : null;
    }

    public boolean isGet() {
        return method.equals("GET") || method.equals("HEAD");
    }

    public boolean isPost() {
        return method.equals("POST");
    }

    private String body() {
        if (bodyTooLarge) {
            throw new MalformedFormException("request body larger than " + MAX_BODY_BYTES + " bytes");
        }
        return body;
    }
}
