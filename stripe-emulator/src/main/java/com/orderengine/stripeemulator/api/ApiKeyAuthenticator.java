package com.orderengine.stripeemulator.api;

import com.orderengine.stripeemulator.http.StripeErrorException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the secret key the way Stripe does: {@code Authorization: Bearer sk_test_…}, or HTTP Basic
 * with the key as the user name (what the Stripe CLI and curl's {@code -u sk_test_…:} send).
 * Only test-mode secret keys are accepted: this is not a place for live keys.
 */
final class ApiKeyAuthenticator {

    static final String TEST_SECRET_KEY_PREFIX = "sk_test_";
    private static final Pattern KEY_PREFIX = Pattern.compile("^[a-z]{2,4}_(test|live)_");

    /** Returns the API key, or throws the 401 Stripe would answer. */
    String authenticate(String authorizationHeader) {
        String key = extractKey(authorizationHeader);
        if (key == null || key.isEmpty()) {
            throw StripeErrorException.authentication("You did not provide an API key. You need to provide your "
                    + "API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer "
                    + "YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can "
                    + "help at https://support.stripe.com/.");
        }
        if (!key.startsWith(TEST_SECRET_KEY_PREFIX) || key.length() == TEST_SECRET_KEY_PREFIX.length()) {
            throw StripeErrorException.authentication("Invalid API Key provided: " + mask(key));
        }
        return key;
    }

    private static String extractKey(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        int space = value.indexOf(' ');
        String scheme = (space < 0 ? value : value.substring(0, space)).toLowerCase(Locale.ROOT);
        String credentials = space < 0 ? "" : value.substring(space + 1).trim();
        if (scheme.equals("bearer")) {
            return credentials;
        }
        if (scheme.equals("basic")) {
            try {
                String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? decoded : decoded.substring(0, colon);
            } catch (IllegalArgumentException e) {
                return credentials;
            }
        }
        // No recognised scheme: treat the whole value as the key so the error can show it masked.
        return value;
    }

    /** Like Stripe: keep a recognisable prefix and the last four characters, star the rest. */
    static String mask(String key) {
        Matcher prefix = KEY_PREFIX.matcher(key);
        int head = prefix.find() ? prefix.end() : 0;
        int tail = key.length() - head >= 8 ? 4 : 0;
        int hidden = key.length() - head - tail;
        return key.substring(0, head) + "*".repeat(hidden) + key.substring(key.length() - tail);
    }
}
