package com.orderengine.stripeemulator.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Typed, validating access to one level of decoded form parameters. It knows its own path
 * ({@code line_items[3][price_data]}) so every error names the offending parameter the way
 * Stripe does in the error's {@code param} field.
 *
 * <p>Following Stripe, an empty string means "not given" for optional values.
 */
public final class Params {

    private final Map<String, Object> values;
    private final String path;

    private Params(Map<String, Object> values, String path) {
        this.values = values;
        this.path = path;
    }

    public static Params root(Map<String, Object> values) {
        return new Params(values, "");
    }

    public String path() {
        return path;
    }

    /** The full parameter name of a key at this level, e.g. {@code metadata[order_id]}. */
    public String nameOf(String key) {
        return path.isEmpty() ? key : path + "[" + key + "]";
    }

    public Set<String> keys() {
        return values.keySet();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public void rejectUnknown(Set<String> allowed) {
        for (String key : values.keySet()) {
            if (!allowed.contains(key)) {
                throw StripeErrorException.unknownParam(nameOf(key));
            }
        }
    }

    public Optional<String> string(String key) {
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw StripeErrorException.invalidRequest("Invalid string: " + describe(value), nameOf(key));
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    public String requiredString(String key) {
        return string(key).orElseThrow(() -> StripeErrorException.missingParam(nameOf(key)));
    }

    public OptionalLong integer(String key) {
        Optional<String> text = string(key);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text.get().trim()));
        } catch (NumberFormatException e) {
            throw StripeErrorException.invalidRequest(
                    "Invalid integer: " + text.get(), nameOf(key), "parameter_invalid_integer");
        }
    }

    public long requiredInteger(String key) {
        OptionalLong value = integer(key);
        if (value.isEmpty()) {
            throw StripeErrorException.missingParam(nameOf(key));
        }
        return value.getAsLong();
    }

    /** A nested hash; an empty string (Stripe's way of clearing it) reads as an empty hash. */
    public Optional<Params> object(String key) {
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(asObject(value, nameOf(key)));
    }

    /** A nested array of hashes, each with its own indexed path. */
    public Optional<List<Params>> objectList(String key) {
        Optional<List<Object>> list = list(key);
        if (list.isEmpty()) {
            return Optional.empty();
        }
        List<Params> result = new ArrayList<>(list.get().size());
        for (int i = 0; i < list.get().size(); i++) {
            result.add(asObject(list.get().get(i), nameOf(key) + "[" + i + "]"));
        }
        return Optional.of(result);
    }

    public Optional<List<Object>> list(String key) {
        Object value = values.get(key);
        if (value == null || "".equals(value)) {
            return Optional.empty();
        }
        if (!(value instanceof List<?> list)) {
            throw StripeErrorException.invalidRequest("Invalid array", nameOf(key));
        }
        return Optional.of(List.copyOf(list));
    }

    /** Raw value, for callers that accept several shapes. */
    public Object raw(String key) {
        return values.get(key);
    }

    @SuppressWarnings("unchecked")
    private static Params asObject(Object value, String name) {
        if ("".equals(value)) {
            return new Params(Map.of(), name);
        }
        if (value instanceof Map<?, ?> map) {
            return new Params((Map<String, Object>) map, name);
        }
        if (value instanceof List<?> list) {
            // "metadata[0]=x" decodes to a list; as a hash its keys are the indexes.
            Map<String, Object> byIndex = new LinkedHashMap<>();
            for (int i = 0; i < list.size(); i++) {
                byIndex.put(Integer.toString(i), list.get(i));
            }
            return new Params(byIndex, name);
        }
        throw StripeErrorException.invalidRequest("Invalid object", name);
    }

    private static String describe(Object value) {
        return value instanceof Map ? "{...}" : value instanceof List ? "[...]" : String.valueOf(value);
    }
}
