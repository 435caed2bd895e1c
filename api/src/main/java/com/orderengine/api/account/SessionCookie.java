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

    private SessionCookie() {}

    public static NewCookie issue(String token, Duration lifetime) {
        return cookie(token, (int) Math.min(Integer.MAX_VALUE, lifetime.toSeconds()));
    }

    /** Tells the browser to forget the cookie. */
    public static NewCookie expired() {
        return cookie("", 0);
    }

    private static NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(NAME)
                .value(value)
                .path("/")
                .maxAge(maxAge)
                .secure(true)
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }
}
