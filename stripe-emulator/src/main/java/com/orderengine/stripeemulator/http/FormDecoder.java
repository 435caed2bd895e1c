package com.orderengine.stripeemulator.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes {@code application/x-www-form-urlencoded} text written in Stripe's bracket notation
 * ({@code line_items[0][price_data][currency]=usd}, {@code expand[]=x}) into nested values:
 * every value is a {@link String}, a {@code Map<String, Object>} or a {@code List<Object>}.
 *
 * <p>A map whose keys are exactly {@code 0..n-1} becomes a list; any other map stays a map,
 * so {@code metadata[7]=x} keeps its key instead of being renumbered.
 */
public final class FormDecoder {

    private static final int MAX_PAIRS = 10_000;
    private static final int MAX_DEPTH = 12;

    private FormDecoder() {}

    public static Map<String, Object> decode(String encoded) {
        Map<String, Object> root = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return root;
        }
        String[] pairs = encoded.split("&");
        if (pairs.length > MAX_PAIRS) {
            throw new MalformedFormException("Too many parameters (more than " + MAX_PAIRS + ")");
        }
        for (String pair : pairs) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = percentDecode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : percentDecode(pair.substring(eq + 1));
            insert(root, name, parseName(name), value);
        }
        return toListsWhereIndexed(root);
    }

    /** Splits {@code a[b][0][]} into {@code [a, b, 0, ""]}; an empty segment means "append". */
    static List<String> parseName(String name) {
        int open = name.indexOf('[');
        String base = open < 0 ? name : name.substring(0, open);
        if (base.isEmpty()) {
            throw new MalformedFormException("Invalid parameter name: '" + name + "'");
        }
        List<String> segments = new ArrayList<>();
        segments.add(base);
        int i = open;
        while (i >= 0 && i < name.length()) {
            if (name.charAt(i) != '[') {
                throw new MalformedFormException("Invalid parameter name: '" + name + "'");
            }
            int close = name.indexOf(']', i);
            if (close < 0) {
                throw new MalformedFormException("Invalid parameter name: '" + name + "'");
            }
            segments.add(name.substring(i + 1, close));
            i = close + 1;
        }
        if (segments.size() > MAX_DEPTH) {
            throw new MalformedFormException("Parameter nested too deeply: '" + name + "'");
        }
        return segments;
    }

    @SuppressWarnings("unchecked")
    private static void insert(Map<String, Object> root, String name, List<String> segments, String value) {
        Map<String, Object> node = root;
        for (int i = 0; i < segments.size(); i++) {
            String key = segments.get(i);
            if (key.isEmpty()) {
                // "[]" appends: the next free index in this container.
                key = Integer.toString(node.size());
            }
            boolean last = i == segments.size() - 1;
            Object existing = node.get(key);
            if (last) {
                if (existing instanceof Map) {
                    throw new MalformedFormException("Invalid parameter nesting: '" + name + "'");
                }
                node.put(key, value); // a repeated scalar: the last one wins, as in Rack
            } else {
                if (existing == null) {
                    Map<String, Object> child = new LinkedHashMap<>();
                    node.put(key, child);
                    node = child;
                } else if (existing instanceof Map) {
                    node = (Map<String, Object>) existing;
                } else {
                    throw new MalformedFormException("Invalid parameter nesting: '" + name + "'");
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toListsWhereIndexed(Map<String, Object> map) {
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((key, value) ->
                result.put(key, value instanceof Map ? convert((Map<String, Object>) value) : value));
        return result;
    }

    private static Object convert(Map<String, Object> map) {
        Map<String, Object> converted = toListsWhereIndexed(map);
        if (converted.isEmpty() || !hasContiguousIndexKeys(converted)) {
            return converted;
        }
        List<Object> list = new ArrayList<>(converted.size());
        for (int i = 0; i < converted.size(); i++) {
            list.add(converted.get(Integer.toString(i)));
        }
        return list;
    }

    private static boolean hasContiguousIndexKeys(Map<String, Object> map) {
        for (int i = 0; i < map.size(); i++) {
            if (!map.containsKey(Integer.toString(i))) {
                return false;
            }
        }
        return true;
    }

    private static String percentDecode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedFormException("Invalid percent-encoding in '" + text + "'");
        }
    }
}
