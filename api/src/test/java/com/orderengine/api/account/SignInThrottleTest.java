package com.orderengine.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderengine.infrastructure.config.AccountsFactory;
import com.orderengine.testing.TestPostgres;
import com.orderengine.testing.TestPostgres.TestDatabase;
import io.dropwizard.util.Duration;
import java.util.UUID;
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
    void onlyFailuresCountAndTheLimitIsPerAccountAndClient() {
        String email = UUID.randomUUID() + "@example.com";
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.waitBeforeTrying(email, "203.0.113.1")).isEmpty();
            throttle.failed(email, "203.0.113.1");
        }

        assertThat(throttle.waitBeforeTrying(email, "203.0.113.1"))
                .hasValueSatisfying(
                        wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(java.time.Duration.ofMinutes(5)));
        assertThat(throttle.waitBeforeTrying(email.toUpperCase(), "203.0.113.1"))
                .as("an address in another case is the same account")
                .isPresent();
        assertThat(throttle.waitBeforeTrying(email, "198.51.100.1"))
                .as("another client")
                .isEmpty();
        assertThat(throttle.waitBeforeTrying("other-" + email, "203.0.113.1"))
                .as("another account")
                .isEmpty();
    }

    @Test
    void aConnectionTheThrottleUsedCommitsItsNextUsersWork() {
        throttle.failed(UUID.randomUUID() + "@example.com", "203.0.113.2");
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
