package com.orderengine.account.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderengine.order.OrderReference;
import com.orderengine.order.PricedLine;
import com.orderengine.order.db.OrderDao;
import com.orderengine.testing.TestPostgres;
import com.orderengine.testing.TestPostgres.TestDatabase;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccountDaoTest {

    private static final TestDatabase database = TestPostgres.newDatabase();
    private final AccountDao accounts = database.jdbi().onDemand(AccountDao.class);
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Test
    void anAddressIsOneAccountWhateverItsCase() {
        String email = unique("Ada.Lovelace@Example.com");

        int id = accounts.create(email, "$argon2id$x").orElseThrow();

        assertThat(accounts.create(email.toLowerCase(), "$argon2id$y"))
                .as("the same address in lower case")
                .isEmpty();
        Account found = accounts.findByEmail(email.toUpperCase()).orElseThrow();
        assertThat(found.id()).isEqualTo(id);
        assertThat(found.email()).as("kept as typed").isEqualTo(email);
        assertThat(found.role()).isEqualTo("customer");
        assertThat(found.isVerified()).isFalse();
        assertThat(accounts.markVerified(id, now)).isTrue();
        assertThat(accounts.markVerified(id, now)).as("once").isFalse();
        assertThat(accounts.findById(id).orElseThrow().verifiedAt()).isEqualTo(now);
    }

    @Test
    void aTokenWorksOnceBeforeItExpiresAndForItsPurposeOnly() {
        int id = accounts.create(unique("token@example.com"), "$argon2id$x").orElseThrow();
        byte[] verify = hash("verify-" + UUID.randomUUID());
        byte[] expired = hash("expired-" + UUID.randomUUID());
        accounts.createToken(verify, id, "verify", now.plus(Duration.ofHours(24)));
        accounts.createToken(expired, id, "reset", now.minusSeconds(1));

        assertThat(accounts.useToken(verify, "reset", now))
                .as("another purpose")
                .isEmpty();
        assertThat(accounts.useToken(verify, "verify", now)).hasValue(id);
        assertThat(accounts.useToken(verify, "verify", now)).as("used already").isEmpty();
        assertThat(accounts.useToken(expired, "reset", now)).as("expired").isEmpty();
        assertThat(accounts.useToken(hash("never issued"), "verify", now)).isEmpty();
    }

    @Test
    void sessionsAreFoundByTheirHashAndEndOneOrAllAtOnce() {
        int id = accounts.create(unique("session@example.com"), "$argon2id$x").orElseThrow();
        byte[] first = hash("first-" + UUID.randomUUID());
        byte[] second = hash("second-" + UUID.randomUUID());
        accounts.createSession(first, id, now);
        accounts.createSession(second, id, now);

        accounts.touchSession(first, now.plusSeconds(60));
        assertThat(accounts.findSession(first)).hasValue(new AccountSession(id, now, now.plusSeconds(60)));
        accounts.endSession(first);
        assertThat(accounts.findSession(first)).isEmpty();
        assertThat(accounts.findSession(second)).isPresent();
        assertThat(accounts.endSessions(id)).isEqualTo(1);
        assertThat(accounts.findSession(second)).isEmpty();
    }

    @Test
    void aVerifiedAccountClaimsTheGuestOrdersOfItsAddressOnly() {
        String email = unique("guest@example.com");
        OrderDao orders = database.jdbi().onDemand(OrderDao.class);
        List<PricedLine> lines = List.of(new PricedLine(1, "Ceramic Mug", 1, new BigDecimal("14.00"), 1400));
        String mine = OrderReference.random();
        String someoneElses = OrderReference.random();
        orders.createOrder(mine, email.toUpperCase(), "usd", new BigDecimal("14.00"), lines);
        orders.createOrder(someoneElses, unique("other@example.com"), "usd", new BigDecimal("14.00"), lines);
        int id = accounts.create(email, "$argon2id$x").orElseThrow();

        assertThat(accounts.claimGuestOrders(id, email)).isEqualTo(1);
        assertThat(database.count("SELECT count(*) FROM orders WHERE user_id = ?", id))
                .isEqualTo(1);
        assertThat(database.count("SELECT count(*) FROM orders WHERE reference = ? AND user_id IS NULL", someoneElses))
                .isEqualTo(1);
        assertThat(accounts.claimGuestOrders(id, email)).as("claimed already").isZero();
    }

    private static String unique(String email) {
        return UUID.randomUUID().toString().substring(0, 8) + "-" + email;
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
