package com.orderengine.api.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * What a new password must be, as NIST SP 800-63B and OWASP ASVS 5.0 ask: 8 to 128 characters (counted as Unicode
 * code points, so an emoji is one), every one of them used (no truncation), no composition rules, and not one of
 * the passwords attackers try first: the 19,640 Django ships ({@code account/common-passwords.txt.gz}, compared
 * as Django compares them, ignoring case and surrounding spaces).
 */
public final class PasswordPolicy {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 128;
    private static final String COMMON_PASSWORDS = "/account/common-passwords.txt.gz";

    private final Set<String> common = load();

    /** Why {@code password} is refused, or empty when it is acceptable. */
    public Optional<String> refusal(String password) {
        if (password == null) {
            return Optional.of("password is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("password must be at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("password must be at most " + MAX_LENGTH + " characters");
        }
        if (common.contains(password.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("password is one of the most common passwords; choose another");
        }
        return Optional.empty();
    }

    int commonPasswords() {
        return common.size();
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + COMMON_PASSWORDS);
            }
            Set<String> passwords = new HashSet<>();
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
                lines.lines().map(line -> line.strip().toLowerCase(Locale.ROOT)).forEach(passwords::add);
            }
            return passwords;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
