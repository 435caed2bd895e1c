package com.orderengine.stripeemulator.http;

import com.orderengine.stripeemulator.fault.StripeOperation;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Maps method and path (with {@code {name}} variables) to a handler and its operation, if it has one. */
final class Router {

    record Route(
            String method,
            List<String> segments,
            StripeOperation operation,
            RouteHandler handler,
            OrderResolver orders) {}

    record Match(Route route, Map<String, String> pathParams) {}

    private final List<Route> routes = new ArrayList<>();

    /** {@code operation} is null for endpoints that are neither counted nor fault-injectable. */
    Router add(String method, String pattern, StripeOperation operation, RouteHandler handler) {
        return add(method, pattern, operation, handler, OrderResolver.NONE);
    }

    /** {@code orders} finds the order a request concerns, for the log context. */
    Router add(String method, String pattern, StripeOperation operation, RouteHandler handler, OrderResolver orders) {
        routes.add(new Route(method, split(pattern), operation, handler, orders));
        return this;
    }

    Optional<Match> match(String method, String rawPath) {
        List<String> segments = split(rawPath);
        for (Route route : routes) {
            if (!route.method().equals(method) || route.segments().size() != segments.size()) {
                continue;
            }
            Map<String, String> variables = matchSegments(route.segments(), segments);
            if (variables != null) {
                return Optional.of(new Match(route, variables));
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> matchSegments(List<String> pattern, List<String> actual) {
        Map<String, String> variables = new HashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
            String expected = pattern.get(i);
            String segment = decode(actual.get(i));
            if (segment == null) {
                return null;
            }
            if (expected.startsWith("{") && expected.endsWith("}")) {
                if (segment.isEmpty()) {
                    return null;
                }
                variables.put(expected.substring(1, expected.length() - 1), segment);
            } else if (!expected.equals(segment)) {
                return null;
            }
        }
        return variables;
    }

    /** Percent-decodes a path segment ("+" is literal in paths); null if malformed. */
    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<String> split(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            segments.add(segment);
        }
        if (!segments.isEmpty() && segments.get(0).isEmpty()) {
            segments.remove(0);
        }
        return segments;
    }
}
