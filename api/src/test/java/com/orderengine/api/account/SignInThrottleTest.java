package com.orderengine.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderengine.infrastructure.config.AccountsFactory;
import com.orderengine.testing.TestPostgres;
import com.orderengine.testing.TestPostgres.TestDatabase;
import io.dropwizard.util.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.tomcat.jdbc.pool.DataSource;
import org.apache.tomcat.jdbc.pool.PoolProperties;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private static final TestDatabase database = TestPostgres.newDatabase();
    /** One connection, as in the api's pool: whatever the throttle leaves on it, the next user meets. */
    private static final DataSource pool = pool();

    private final AccountsFactory rules = rules();
    private final SignInThrottle throttle = new SignInThrottle(SignInThrottle.postgresBuckets(pool), rules);

    @AfterAll
    static void closePool() {
        pool.close();
    }

    @Test
    void aTryIsTakenBeforeThePasswordIsCheckedAndARightOneGivesItBack() {
        SignInThrottle.Attempt attempt = attempt(UUID.randomUUID() + "@example.com", "203.0.113.1");
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.take(attempt)).as("right passwords").isEmpty();
            throttle.giveBack(attempt);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.take(attempt))
                    .as("wrong passwords keep their try")
                    .isEmpty();
        }

        assertThat(throttle.take(attempt))
                .hasValueSatisfying(
                        wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(java.time.Duration.ofMinutes(5)));
        assertThat(throttle.take(new SignInThrottle.Attempt(attempt.account(), "198.51.100.1", Optional.empty())))
                .as("another client")
                .isEmpty();
    }

    @Test
    void everySpellingOfAnAccountsAddressSharesItsAllowance() {
        String email = UUID.randomUUID() + "-victim@example.com";
        Optional<Integer> account = Optional.of(4242);
        for (int i = 0; i < 3; i++) {
            throttle.take(SignInThrottle.Attempt.of(account, email, "203.0.113.3", Optional.empty()));
        }

        assertThat(throttle.take(SignInThrottle.Attempt.of(
                        account, email.replace("i", "\u0130"), "203.0.113.3", Optional.empty())))
                .as("a spelling PostgreSQL folds to the same account, Java not")
                .isPresent();
    }

    @Test
    void guessesSentAtOnceAreCountedAsTheyCome() throws Exception {
        SignInThrottle.Attempt attempt = attempt(UUID.randomUUID() + "@example.com", "203.0.113.4");
        ExecutorService clients = Executors.newFixedThreadPool(20);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(clients.submit(() -> throttle.take(attempt).isEmpty()));
            }
            long allowed = 0;
            for (Future<Boolean> answer : answers) {
                allowed += answer.get() ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(rules.getFailuresPerAccountAndClient());
        } finally {
            clients.shutdownNow();
        }
    }

    private static SignInThrottle.Attempt attempt(String email, String client) {
        return SignInThrottle.Attempt.of(Optional.empty(), email, client, Optional.empty());
    }

    @Test
    void aConnectionTheThrottleUsedCommitsItsNextUsersWork() {
        throttle.take(attempt(UUID.randomUUID() + "@example.com", "203.0.113.2"));
        Jdbi jdbi = Jdbi.create(pool);
        String email = UUID.randomUUID() + "@example.com";

        jdbi.useTransaction(handle -> handle.execute("INSERT INTO users (email) VALUES (?)", email));

        assertThat(database.count("SELECT count(*) FROM users WHERE email = ?", email))
                .as("seen from another connection: committed")
                .isEqualTo(1);
    }

    @Test
    void ipv6ClientsCountByTheir64() {
        assertThat(ClientAddress.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
                .isEqualTo(ClientAddress.of("2001:db8:1:2::1"))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(ClientAddress.of("203.0.113.9")).isEqualTo("203.0.113.9");
    }

    private static AccountsFactory rules() {
        AccountsFactory rules = new AccountsFactory();
        rules.setFailuresPerAccountAndClient(3);
        rules.setFailureWindow(Duration.minutes(5));
        return rules;
    }

    private static DataSource pool() {
        PoolProperties properties = new PoolProperties();
        properties.setUrl(database.jdbcUrl());
        properties.setUsername(database.user());
        properties.setPassword(database.password());
        properties.setDriverClassName("org.postgresql.Driver");
        properties.setMaxActive(1);
        properties.setInitialSize(1);
        properties.setMaxIdle(1);
        properties.setMinIdle(1);
        properties.setDefaultAutoCommit(true);
        return new DataSource(properties);
    }
}
