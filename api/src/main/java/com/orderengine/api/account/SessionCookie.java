package com.orderengine.api.account;

import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;

/**
 * The session cookie, as OWASP's session guidance asks: a {@code __Host-} name, so the browser takes it only when
 * it is {@code Secure}, for {@code Path=/} and without a {@code Domain} (no sibling host can set or read it);
 * {@code HttpOnly} so no script reads it; {@code SameSite=Lax} so no other site's form or fetch carries it. The local
 * stack's plain http still works: browsers treat {@code http://localhost} as a secure context.
 */
public final class SessionCookie {

    public static final String NAME = "__Host-session";

    /**
     * The device cookie: marks a browser the account signed in from, so that its sign-ins are throttled on their
     * own (see {@link SignInThrottle}). It signs nobody in; a year, like the browser's memory of the customer.
     */
    public static final String DEVICE_NAME = "__Host-device";

    static final Duration DEVICE_LIFETIME = Duration.ofDays(365);

    private SessionCookie() {}

    public static NewCookie issue(String token, Duration lifetime) {
        return cookie(NAME, token, (int) Math.min(Integer.MAX_VALUE, lifetime.toSeconds()));
    }

    public static NewCookie device(String token) {
        return cookie(DEVICE_NAME, token, (int) DEVICE_LIFETIME.toSeconds());
    }

    /** Tells the browser to forget the cookie. */
    public static NewCookie expired() {
        return cookie(NAME, "", 0);
    }

    private static NewCookie cookie(String name, String value, int maxAge) {
        return new NewCookie.Builder(name)
                .value(value)
                .path("/")
                .maxAge(maxAge)
                .secure(true)
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }
}
