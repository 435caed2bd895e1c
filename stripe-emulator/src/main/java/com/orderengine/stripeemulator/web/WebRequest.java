package com.orderengine.stripeemulator.web;

import java.util.List;
import java.util.Map;

/**
 * A browser or tool request to a page or the operator API: method, the path's decoded segments
 * ({@code /c/pay/cs_1/pay} → {@code [c, pay, cs_1, pay]}) and the decoded form body.
 */
public record WebRequest(String method, List<String> segments, Map<String, Object> form) {

    public WebRequest {
        segments = List.copyOf(segments);
        form = Map.copyOf(form);
    }

    /** A plain text form field, or null if absent or not plain text. */
    public String formValue(String name) {
        return form.get(name) instanceof String value ? value : null;
    }

    public boolean isGet() {
        return method.equals("GET") || method.equals("HEAD");
    }

    public boolean isPost() {
        return method.equals("POST");
    }
}
