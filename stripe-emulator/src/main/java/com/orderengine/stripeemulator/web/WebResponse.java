package com.orderengine.stripeemulator.web;

import com.orderengine.stripeemulator.json.Json;
import java.nio.charset.StandardCharsets;

/** What a page or operator endpoint answers; {@code location} is set for redirects only. */
public record WebResponse(int status, String contentType, byte[] body, String location) {

    public static WebResponse html(int status, String html) {
        return new WebResponse(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), null);
    }

    public static WebResponse json(int status, Object json) {
        return new WebResponse(status, "application/json", Json.write(json), null);
    }

    /** 303 See Other: after a form POST the browser follows with a GET, as Stripe's pages do. */
    public static WebResponse seeOther(String location) {
        return new WebResponse(303, "text/plain; charset=utf-8", new byte[0], location);
    }

    public static WebResponse text(int status, String text) {
        return new WebResponse(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), null);
    }
}
