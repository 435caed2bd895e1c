package com.orderengine.infrastructure.config;

/** Start-up checks for secrets that have no safe default. */
final class RequiredSecret {

    private RequiredSecret() {}

    static String require(String value, String key, String variable, String expectedPrefix) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Missing required secret " + key + ": set the environment variable "
                    + variable + " (it starts with '" + expectedPrefix + "').");
        }
        if (!value.startsWith(expectedPrefix)) {
            throw new IllegalStateException(key + " (" + variable + ") must start with '" + expectedPrefix + "'.");
        }
        return value;
    }
}
