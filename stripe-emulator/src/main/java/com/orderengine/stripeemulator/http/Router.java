package com.orderengine.stripeemulator.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one routing table of the emulator, for the API under {@code /v1}, the hosted page and {@code /_emulator}:
 * method and path (with {@code {name}} variables) to an endpoint. A request no route matches goes to the
 * fallback of the longest path prefix it starts with, so each part answers its own "not found".
 */
public final class Router {

    /** A path pattern's endpoint; {@code method} null matches every method. */
    private record Route(String method, List<String> segments, Endpoint endpoint) {}

    private record Fallback(String prefix, Endpoint endpoint) {}

    /** The endpoint chosen for a request and the path variables it matched. */
    record Match(Endpoint endpoint, Map<String, String> pathParams) {}

    private final List<Route> routes = new ArrayList<>();
    private final List<Fallback> fallbacks = new ArrayList<>();

    public Router add(String method, String pattern, Endpoint endpoint) {
        routes.add(new Route(method, split(pattern), endpoint));
        return this;
    }

    /** Answers every method on the pattern; the endpoint tells them apart. */
    public Router any(String pattern, Endpoint endpoint) {
        return add(null, pattern, endpoint);
    }

    /** Answers what no route matches under {@code prefix}; the prefix {@code ""} catches everything else. */
    public Router fallback(String prefix, Endpoint endpoint) {
        fallbacks.add(new Fallback(prefix, endpoint));
        fallbacks.sort(
                Comparator.comparingInt((Fallback fallback) -> fallback.prefix().length())
                        .reversed());
        return this;
    }

    Match match(String method, String rawPath) {
        List<String> segments = split(rawPath);
        for (Route route : routes) {
            if (!accepts(route.method(), method) || route.segments().size() != segments.size()) {
                continue;
            }
            Map<String, String> variables = matchSegments(route.segments(), segments);
            if (variables != null) {
                return new Match(route.endpoint(), variables);
            }
        }
        for (Fallback fallback : fallbacks) {
            if (rawPath.startsWith(fallback.prefix())) {
                return new Match(fallback.endpoint(), Map.of());
            }
        }
        throw new IllegalStateException("No route and no fallback for " + rawPath);
    }

    /** A GET route answers HEAD too: the same headers, no body. */
    private static boolean accepts(String routeMethod, String method) {
        return routeMethod == null
                || routeMethod.equals(method)
                || (routeMethod.equals("GET") && method.equals("HEAD"));
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
        List<String> segments = new ArrayList<>(List.of(path.split("/", -1)));
        if (!segments.isEmpty() && segments.get(0).isEmpty()) {
            segments.remove(0);
        }
        return segments;
    }
}
