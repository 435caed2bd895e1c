package com.orderengine.stripeemulator.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads a Stripe {@code metadata} hash and enforces Stripe's documented limits. */
public final class MetadataParser {

    static final int MAX_KEYS = 50;
    static final int MAX_KEY_LENGTH = 40;
    static final int MAX_VALUE_LENGTH = 500;

    private MetadataParser() {}

    /** Parses {@code params[key]}; absent reads as empty. Keys with empty values are dropped (Stripe's "unset"). */
    public static Map<String, String> parse(Params params, String key) {
        Optional<Params> metadata = params.object(key);
        if (metadata.isEmpty()) {
            return Map.of();
        }
        Params hash = metadata.get();
        String name = hash.path();
        Map<String, String> result = new LinkedHashMap<>();
        for (String entryKey : hash.keys()) {
            Object value = hash.raw(entryKey);
            if (!(value instanceof String text)) {
                throw StripeErrorException.invalidRequest(
                        "Invalid value for metadata key '" + entryKey + "': metadata values must be strings.", name);
            }
            if (entryKey.length() > MAX_KEY_LENGTH) {
                throw StripeErrorException.invalidRequest(
                        "Invalid key: '" + entryKey + "'. Metadata keys can be at most " + MAX_KEY_LENGTH
                                + " characters long.",
                        name);
            }
            if (text.length() > MAX_VALUE_LENGTH) {
                throw StripeErrorException.invalidRequest(
                        "Invalid value for metadata key '" + entryKey + "'. Metadata values can be at most "
                                + MAX_VALUE_LENGTH + " characters long.",
                        name);
            }
            if (!text.isEmpty()) {
                result.put(entryKey, text);
            }
        }
        if (result.size() > MAX_KEYS) {
            throw StripeErrorException.invalidRequest(
                    "Metadata can have up to " + MAX_KEYS + " keys, but you've set " + result.size() + ".", name);
        }
        return Collections.unmodifiableMap(result);
    }
}
