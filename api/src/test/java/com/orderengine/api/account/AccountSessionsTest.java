package com.orderengine.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderengine.account.db.AccountDao;
import com.orderengine.testing.TestPostgres;
import com.orderengine.testing.TestPostgres.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccountSessionsTest {

    private static final TestDatabase database = TestPostgres.newDatabase();
    private static final Duration IDLE = Duration.ofHours(2);
    private static final Duration ABSOLUTE = Duration.ofDays(7);

    private final AccountDao accounts = database.jdbi().onDemand(AccountDao.class);
    private final MovingClock clock = new MovingClock(Instant.now().truncatedTo(ChronoUnit.MICROS));
    private final AccountSessions sessions = new AccountSessions(accounts, clock, IDLE, ABSOLUTE);
    private final int userId =
            accounts.create(UUID.randomUUID() + "@example.com", "$argon2id$x").orElseThrow();

    @Test
    void aSessionIsA256BitSecretStoredOnlyAsItsHash() {
        String token = sessions.start(userId);

        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(sessions.userOf(token)).hasValue(userId);
        assertThat(database.count("SELECT count(*) FROM account_sessions WHERE user_id = ?", userId))
                .isEqualTo(1);
        assertThat(database.count(
                        "SELECT count(*) FROM account_sessions WHERE encode(token_hash, 'escape') LIKE ?",
                        "%" + token + "%"))
                .as("the token itself is nowhere in the table")
                .isZero();
        assertThat(sessions.start(userId)).as("a new token at every sign-in").isNotEqualTo(token);
    }

    @Test
    void anIdleSessionEnds() {
        String token = sessions.start(userId);

        clock.advance(IDLE.minusMinutes(1));
        assertThat(sessions.userOf(token)).as("used within the idle time").hasValue(userId);
        clock.advance(IDLE.minusMinutes(1));
        assertThat(sessions.userOf(token)).as("its use moved the idle deadline").hasValue(userId);
        clock.advance(IDLE);
        assertThat(sessions.userOf(token)).isEmpty();
        clock.advance(Duration.ofSeconds(-IDLE.toSeconds()));
        assertThat(sessions.userOf(token)).as("ended for good, not just hidden").isEmpty();
    }

    @Test
    void everySessionEndsAtItsAbsoluteLimitHoweverBusy() {
        String token = sessions.start(userId);
        for (Duration elapsed = Duration.ZERO;
                elapsed.compareTo(ABSOLUTE.minusHours(1)) < 0;
                elapsed = elapsed.plus(Duration.ofHours(1))) {
            clock.advance(Duration.ofHours(1));
            assertThat(sessions.userOf(token)).hasValue(userId);
        }
        clock.advance(Duration.ofHours(1));
        assertThat(sessions.userOf(token)).isEmpty();
    }

    @Test
    void signOutEndsOneSessionAndAResetEndsThemAll() {
        String laptop = sessions.start(userId);
        String phone = sessions.start(userId);

        sessions.end(laptop);
        assertThat(sessions.userOf(laptop)).isEmpty();
        assertThat(sessions.userOf(phone)).hasValue(userId);
        sessions.start(userId);
        assertThat(sessions.endAll(userId)).isEqualTo(2);
        assertThat(sessions.userOf(phone)).isEmpty();
    }

    @Test
    void anythingElseIsNoSession() {
        assertThat(sessions.userOf(null)).isEmpty();
        assertThat(sessions.userOf("")).isEmpty();
        assertThat(sessions.userOf("not-a-session")).isEmpty();
        assertThat(sessions.userOf("x".repeat(10_000))).isEmpty();
    }

    @Test
    void theCookieIsAHostCookieNoScriptOrOtherSiteGets() {
        String header = SessionCookie.issue("abc", ABSOLUTE).toString();

        assertThat(header)
                .startsWith("__Host-session=abc")
                .contains("Path=/", "Max-Age=604800", "Secure", "HttpOnly", "SameSite=Lax")
                .doesNotContain("Domain");
        assertThat(SessionCookie.expired().toString()).contains("Max-Age=0");
    }
}
