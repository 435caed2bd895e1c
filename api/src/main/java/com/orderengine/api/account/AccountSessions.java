package com.orderengine.api.account;

import com.orderengine.account.db.Account;
import com.orderengine.account.db.AccountDao;
import com.orderengine.account.db.AccountSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Signed-in sessions, kept in PostgreSQL so that any api instance serves them. A session ends when the customer
 * signs out, when it has not been used for {@code idle}, and in any case {@code absolute} after sign-in; a new one
 * is made at every sign-in, never reused. Its last use is written at most once a minute, not on every request.
 */
public final class AccountSessions {

    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final AccountDao accounts;
    private final Clock clock;
    private final Duration idle;
    private final Duration absolute;

    public AccountSessions(AccountDao accounts, Clock clock, Duration idle, Duration absolute) {
        this.accounts = accounts;
        this.clock = clock;
        this.idle = idle;
        this.absolute = absolute;
    }

    /** A new session for the account; the returned value goes into the cookie and nowhere else. */
    public String start(int userId) {
        String token = Secrets.generate();
        accounts.createSession(Secrets.hash(token), userId, clock.instant());
        return token;
    }

    /** The account signed in with {@code token}, if its session is still alive. */
    public Optional<Integer> userOf(String token) {
        if (token == null || token.isEmpty() || token.length() > 64) {
            return Optional.empty();
        }
        byte[] hash = Secrets.hash(token);
        Optional<AccountSession> session = accounts.findSession(hash);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        AccountSession alive = session.get();
        if (!now.isBefore(alive.lastSeenAt().plus(idle))
                || !now.isBefore(alive.createdAt().plus(absolute))) {
            accounts.endSession(hash);
            return Optional.empty();
        }
        if (!now.isBefore(alive.lastSeenAt().plus(TOUCH_EVERY))) {
            accounts.touchSession(hash, now);
        }
        return Optional.of(alive.userId());
    }

    /** The account signed in with {@code token}, if its session is alive and the account not deleted. */
    public Optional<Account> accountOf(String token) {
        return userOf(token).flatMap(accounts::findById);
    }

    public void end(String token) {
        if (token != null && !token.isEmpty()) {
            accounts.endSession(Secrets.hash(token));
        }
    }

    /** Every session of the account: after a password change or reset, and when it is deleted. */
    public int endAll(int userId) {
        return accounts.endSessions(userId);
    }
}
