package com.orderengine.stripeemulator.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What an endpoint answers: status, headers (Content-Type and Cache-Control among them) and body. */
public record Response(int status, Map<String, String> headers, byte[] body) {

    public Response {
        headers = Map.copyOf(headers);
    }

    public static Response html(int status, String html) {
        return of(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    public static Response json(int status, Object json) {
        return json(status, Json.write(json));
    }

    public static Response json(int status, byte[] json) {
        return of(status, "application/json", json);
    }

    public static Response text(int status, String text) {
        return of(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** 303 See Other: after a form POST the browser follows with a GET, as Stripe's pages do. */
    public static Response seeOther(String location) {
        return text(303, "").withHeader("Location", location);
    }

    public Response withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Response(status, more, body);
    }

    public String header(String name) {
        return headers.get(name);
    }

    private static Response of(int status, String contentType, byte[] body) {
        return new Response(status, Map.of("Content-Type", contentType, "Cache-Control", "no-store"), body);
    }
}
