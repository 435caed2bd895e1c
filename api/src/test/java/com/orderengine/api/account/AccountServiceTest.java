package com.orderengine.api.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.orderengine.account.db.AccountDao;
import com.orderengine.api.errors.ApiException;
import com.orderengine.api.order.OrderView;
import com.orderengine.api.order.OrderViews;
import com.orderengine.infrastructure.config.AccountsFactory;
import com.orderengine.order.OrderReference;
import com.orderengine.order.PricedLine;
import com.orderengine.order.db.OrderDao;
import com.orderengine.order.db.RefundDao;
import com.orderengine.testing.TestPostgres;
import com.orderengine.testing.TestPostgres.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The account rules on PostgreSQL, below HTTP: what each step writes, mails and refuses. */
class AccountServiceTest {

    private static final TestDatabase database = TestPostgres.newDatabase();
    private static final Pattern LINK_TOKEN = Pattern.compile("#token=([A-Za-z0-9_-]+)");
    private static final String PASSWORD = "correct horse battery staple";
    private static final String CLIENT = "203.0.113.7";

    private final MovingClock clock = new MovingClock(Instant.now().truncatedTo(ChronoUnit.MICROS));
    private final OrderDao orders = database.jdbi().onDemand(OrderDao.class);
    private final AccountSessions sessions = new AccountSessions(
            database.jdbi().onDemand(AccountDao.class), clock, Duration.ofDays(7), Duration.ofDays(30));
    private final AccountsFactory rules = rules();
    private final AccountService accounts = service(rules);

    /** The defaults, but mail allowances no test here reaches unless it means to: they share one client address. */
    private static AccountsFactory rules() {
        AccountsFactory rules = new AccountsFactory();
        rules.setMailsPerClient(100_000);
        rules.setMailsPerRecipient(100_000);
        return rules;
    }

    private AccountService service(AccountsFactory rules) {
        return new AccountService(
                database.jdbi(),
                new OrderViews(orders, database.jdbi().onDemand(RefundDao.class)),
                sessions,
                new PasswordHashing(),
                new PasswordPolicy(),
                new SignInThrottle(SignInThrottle.postgresBuckets(database.dataSource()), rules),
                new MailThrottle(SignInThrottle.postgresBuckets(database.dataSource()), rules),
                new AccountMails("http://shop.test", "Test Shop", "shop.test"),
                rules,
                clock);
    }

    @Test
    void aSignUpStoresAnArgon2idHashAndMailsASingleUseLink() {
        String email = unique("ada@example.com");

        accounts.signUp(email, PASSWORD, CLIENT);

        String stored = database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT password_hash FROM users WHERE email = :email")
                        .bind("email", email)
                        .mapTo(String.class)
                        .one());
        assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(mails(email, AccountMails.VERIFY)).isEqualTo(1);
        String token = token(email, AccountMails.VERIFY);
        assertThat(database.count(
                        "SELECT count(*) FROM account_tokens WHERE encode(token_hash, 'escape') LIKE ?",
                        "%" + token + "%"))
                .as("only the token's hash is stored")
                .isZero();
        assertThatThrownBy(() -> accounts.signIn(email, PASSWORD, CLIENT))
                .as("no sign-in before the address is confirmed")
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(401));

        AccountService.SignedIn signedIn = accounts.verify(token);

        assertThat(signedIn.account().isVerified()).isTrue();
        assertThat(sessions.userOf(signedIn.sessionToken()))
                .hasValue(signedIn.account().id());
        assertThatThrownBy(() -> accounts.verify(token))
                .as("the link works once")
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
    }

    @Test
    void aSecondSignUpOfAnAccountMailsAReminderAndChangesNothing() {
        String email = unique("grace@example.com");
        accounts.signUp(email, PASSWORD, CLIENT);
        accounts.verify(token(email, AccountMails.VERIFY));

        accounts.signUp(email.toUpperCase(), "another fine password", CLIENT);

        assertThat(database.count("SELECT count(*) FROM users WHERE lower(email) = lower(?)", email))
                .isEqualTo(1);
        assertThat(mails(email, AccountMails.ALREADY_REGISTERED)).isEqualTo(1);
        assertThat(accounts.signIn(email, PASSWORD, CLIENT).account().email()).isEqualTo(email);
        assertThatThrownBy(() -> accounts.signIn(email, "another fine password", CLIENT))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void aLaterSignUpOfAnUnconfirmedAddressChangesNotThePasswordTheEarlierLinkConfirms() {
        String email = unique("owner@example.com");
        accounts.signUp(email, PASSWORD, CLIENT);
        String ownersLink = token(email, AccountMails.VERIFY);

        accounts.signUp(email, "the squatter's password", CLIENT);

        assertThat(mails(email, AccountMails.ALREADY_REGISTERED)).isEqualTo(1);
        assertThat(mails(email, AccountMails.VERIFY))
                .as("no link for the second sign-up")
                .isEqualTo(1);
        accounts.verify(ownersLink);
        assertThat(accounts.signIn(email, PASSWORD, CLIENT)).isNotNull();
        assertThatThrownBy(() -> accounts.signIn(email, "the squatter's password", "198.51.100.1"))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void anAddressRegisteredBySomeoneElseIsTakenBackByAResetFromTheMailbox() {
        String email = unique("preempted@example.com");
        accounts.signUp(email, "the squatter's password", CLIENT);

        accounts.signUp(email, PASSWORD, CLIENT);
        assertThat(mails(email, AccountMails.ALREADY_REGISTERED)).isEqualTo(1);
        accounts.requestReset(email, CLIENT);
        accounts.resetPassword(token(email, AccountMails.RESET), PASSWORD);

        assertThat(accounts.signIn(email, PASSWORD, CLIENT).account().isVerified())
                .as("the reset link proved the mailbox")
                .isTrue();
        assertThatThrownBy(() -> accounts.signIn(email, "the squatter's password", "198.51.100.2"))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void signingInEndsTheSessionTheBrowserHad() {
        String email = signedUp(unique("twice@example.com"));
        String first = accounts.signIn(email, PASSWORD, CLIENT).sessionToken();

        String second = accounts.signIn(email, PASSWORD, CLIENT, null, first).sessionToken();

        assertThat(sessions.userOf(first)).isEmpty();
        assertThat(sessions.userOf(second)).isPresent();
    }

    @Test
    void aVerificationLinkExpiresAfter24Hours() {
        String email = unique("late@example.com");
        accounts.signUp(email, PASSWORD, CLIENT);
        clock.advance(Duration.ofHours(24).plusSeconds(1));

        assertThatThrownBy(() -> accounts.verify(token(email, AccountMails.VERIFY)))
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
    }

    @Test
    void verifyingClaimsTheGuestOrdersOfTheAddressAndOnlyThen() {
        String email = unique("guest@example.com");
        String guestOrder = guestOrder(email.toUpperCase());
        accounts.signUp(email, PASSWORD, CLIENT);
        assertThat(database.count("SELECT count(*) FROM orders WHERE reference = ? AND user_id IS NULL", guestOrder))
                .as("an unverified sign-up claims nothing")
                .isEqualTo(1);

        AccountService.SignedIn signedIn = accounts.verify(token(email, AccountMails.VERIFY));

        List<OrderView> history = accounts.orders(signedIn.account().id(), null).orders();
        assertThat(history).extracting(OrderView::orderId).containsExactly(guestOrder);
    }

    @Test
    void wrongPasswordUnknownAddressAndUnverifiedAccountAnswerAlike() {
        String verified = signedUp(unique("known@example.com"));
        String unverified = unique("unverified@example.com");
        accounts.signUp(unverified, PASSWORD, CLIENT);

        List<String> messages = new ArrayList<>();
        for (String[] attempt : new String[][] {
            {verified, "not the password"}, {unique("nobody@example.com"), PASSWORD}, {unverified, PASSWORD}
        }) {
            ApiException refused = (ApiException) catchThrowable(() -> accounts.signIn(attempt[0], attempt[1], CLIENT));
            assertThat(refused.status()).isEqualTo(401);
            messages.add(refused.getMessage());
        }
        assertThat(messages).containsOnly(AccountService.WRONG_CREDENTIALS);
    }

    @Test
    void failedSignInsAreThrottledForTheGuesserNotForTheCustomer() {
        String email = signedUp(unique("target@example.com"));
        for (int i = 0; i < rules.getFailuresPerAccountAndClient(); i++) {
            assertThatThrownBy(() -> accounts.signIn(email, "guess", CLIENT))
                    .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(401));
        }

        ApiException throttled = (ApiException) catchThrowable(() -> accounts.signIn(email, PASSWORD, CLIENT));

        assertThat(throttled.status())
                .as("even the right password waits, or throttling would be an oracle")
                .isEqualTo(429);
        assertThat(throttled.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(3));
        assertThat(accounts.signIn(email, PASSWORD, "198.51.100.20").account().email())
                .as("the customer, elsewhere, is not locked out")
                .isEqualTo(email);
    }

    @Test
    void guessesFromEverywhereDoNotLockTheCustomersOwnBrowserOut() {
        AccountsFactory tight = rules();
        tight.setFailuresPerAccount(10);
        AccountService shop = service(tight);
        String email = signedUp(unique("popular@example.com"));
        String device = shop.signIn(email, PASSWORD, "198.51.100.60").deviceToken();
        assertThat(device)
                .as("a browser that signed in is given a device cookie")
                .isNotNull();

        for (int i = 0; i < 10; i++) {
            String guesser = "203.0.113." + (100 + i);
            assertThatThrownBy(() -> shop.signIn(email, "guess", guesser))
                    .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(401));
        }

        assertThatThrownBy(() -> shop.signIn(email, PASSWORD, "198.51.100.61"))
                .as("a browser the account does not know waits out the spread guessing")
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(429));
        AccountService.SignedIn own = shop.signIn(email, PASSWORD, "198.51.100.61", device);
        assertThat(own.account().email())
                .as("the customer's own browser does not")
                .isEqualTo(email);
        assertThat(own.deviceToken()).as("its device cookie stays").isNull();

        for (int i = 0; i < tight.getFailuresPerAccountAndClient(); i++) {
            assertThatThrownBy(() -> shop.signIn(email, "guess", "198.51.100.62", device))
                    .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(401));
        }
        assertThatThrownBy(() -> shop.signIn(email, PASSWORD, "198.51.100.62", device))
                .as("a stolen device cookie buys a guesser only the device's own few tries")
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(429));
    }

    @Test
    void aDeviceCookieOfAnotherAccountOrForgottenByAResetCountsForNothing() {
        AccountsFactory tight = rules();
        tight.setFailuresPerAccount(3);
        AccountService shop = service(tight);
        String email = signedUp(unique("mine@example.com"));
        String someoneElses = shop.signIn(signedUp(unique("theirs@example.com")), PASSWORD, "198.51.100.70")
                .deviceToken();
        String mine = shop.signIn(email, PASSWORD, "198.51.100.71").deviceToken();
        for (int i = 0; i < 3; i++) {
            String guesser = "203.0.113." + (200 + i);
            assertThatThrownBy(() -> shop.signIn(email, "guess", guesser)).isInstanceOf(ApiException.class);
        }

        assertThatThrownBy(() -> shop.signIn(email, PASSWORD, "198.51.100.72", someoneElses))
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(429));
        shop.requestReset(email, CLIENT);
        shop.resetPassword(token(email, AccountMails.RESET), "a brand new passphrase");
        assertThatThrownBy(() -> shop.signIn(email, "a brand new passphrase", "198.51.100.73", mine))
                .as("after a reset no browser is trusted until it signs in again")
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(429));
    }

    @Test
    void aResetMailsALinkOnlyToAnAccountAndEndsEverySession() {
        String email = signedUp(unique("forgetful@example.com"));
        AccountService.SignedIn elsewhere = accounts.signIn(email, PASSWORD, CLIENT);
        String nobody = unique("nobody@example.com");

        accounts.requestReset(nobody, CLIENT);
        accounts.requestReset(email, CLIENT);

        assertThat(database.count("SELECT count(*) FROM outgoing_mail WHERE recipient = ?", nobody))
                .isZero();
        String token = token(email, AccountMails.RESET);
        assertThatThrownBy(() -> accounts.resetPassword(token, "password"))
                .as("a weak new password is refused before the link is spent")
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(422));

        accounts.resetPassword(token, "a brand new passphrase");

        assertThat(sessions.userOf(elsewhere.sessionToken())).isEmpty();
        assertThat(accounts.signIn(email, "a brand new passphrase", CLIENT)).isNotNull();
        assertThatThrownBy(() -> accounts.signIn(email, PASSWORD, "198.51.100.30"))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> accounts.resetPassword(token, "yet another passphrase"))
                .as("the link works once")
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
    }

    @Test
    void nobodyCanMakeTheShopFloodAMailboxOrHashPasswordsWithoutEnd() {
        AccountsFactory tight = rules();
        tight.setMailsPerRecipient(2);
        tight.setMailsPerClient(4);
        AccountService shop = service(tight);
        String email = unique("flooded@example.com");
        String flooder = "203.0.113." + (10 + (int) (Math.random() * 80));

        shop.signUp(email, PASSWORD, flooder);
        shop.signUp(email, PASSWORD, flooder);
        shop.requestReset(email, flooder);

        assertThat(database.count("SELECT count(*) FROM outgoing_mail WHERE recipient = ?", email))
                .as("the third mail to the address is quietly not sent")
                .isEqualTo(2);
        shop.requestReset(unique("other@example.com"), flooder);
        assertThatThrownBy(() -> shop.signUp(unique("another@example.com"), PASSWORD, flooder))
                .as("the client past its allowance")
                .satisfies(e -> {
                    assertThat(((ApiException) e).status()).isEqualTo(429);
                    assertThat(((ApiException) e).retryAfter()).isPositive();
                });
        assertThatThrownBy(() -> shop.resetPassword("not-a-token", "password"))
                .as("a link that cannot work is refused before anything else")
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
    }

    @Test
    void sessionsLinksAndDevicesPastTheirTimeAreForgotten() {
        String email = signedUp(unique("old@example.com"));
        AccountService.SignedIn signedIn = accounts.signIn(email, PASSWORD, CLIENT);
        accounts.requestReset(email, CLIENT);
        int id = signedIn.account().id();
        clock.advance(Duration.ofDays(366));

        int forgotten = accounts.forgetExpired();

        assertThat(forgotten).isGreaterThanOrEqualTo(3);
        assertThat(database.count("SELECT count(*) FROM account_sessions WHERE user_id = ?", id))
                .isZero();
        assertThat(database.count("SELECT count(*) FROM account_tokens WHERE user_id = ?", id))
                .isZero();
        assertThat(database.count("SELECT count(*) FROM account_devices WHERE user_id = ?", id))
                .isZero();
        assertThat(accounts.signIn(email, PASSWORD, CLIENT, signedIn.deviceToken())
                        .deviceToken())
                .as("a device cookie past its year is a stranger's, given a new one")
                .isNotNull();
    }

    @Test
    void aSignedInCustomerChangesThePasswordWithTheCurrentOneAndEveryOtherSessionEnds() {
        String email = signedUp(unique("careful@example.com"));
        AccountService.SignedIn here = accounts.signIn(email, PASSWORD, CLIENT);
        AccountService.SignedIn elsewhere = accounts.signIn(email, PASSWORD, "198.51.100.80");
        int id = here.account().id();

        assertThatThrownBy(() ->
                        accounts.changePassword(id, here.sessionToken(), "not it", "a brand new passphrase", CLIENT))
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(403));
        assertThatThrownBy(() -> accounts.changePassword(id, here.sessionToken(), PASSWORD, "password", CLIENT))
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(422));
        assertThat(sessions.userOf(elsewhere.sessionToken()))
                .as("nothing changed yet")
                .isPresent();

        accounts.changePassword(id, here.sessionToken(), PASSWORD, "a brand new passphrase", CLIENT);

        assertThat(sessions.userOf(here.sessionToken()))
                .as("the session it was changed in")
                .hasValue(id);
        assertThat(sessions.userOf(elsewhere.sessionToken())).isEmpty();
        assertThat(database.count("SELECT count(*) FROM account_devices WHERE user_id = ?", id))
                .isZero();
        assertThat(accounts.signIn(email, "a brand new passphrase", CLIENT)).isNotNull();
        assertThatThrownBy(() -> accounts.signIn(email, PASSWORD, "198.51.100.81"))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void aResetLinkExpiresAfter30Minutes() {
        String email = signedUp(unique("slow@example.com"));
        accounts.requestReset(email, CLIENT);
        clock.advance(Duration.ofMinutes(30).plusSeconds(1));

        assertThatThrownBy(() -> accounts.resetPassword(token(email, AccountMails.RESET), "a brand new passphrase"))
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
    }

    @Test
    void deletingAnonymisesTheAccountAndKeepsItsOrders() {
        String email = unique("leaving@example.com");
        String order = guestOrder(email);
        accounts.signUp(email, PASSWORD, CLIENT);
        AccountService.SignedIn signedIn = accounts.verify(token(email, AccountMails.VERIFY));
        int id = signedIn.account().id();

        assertThatThrownBy(() -> accounts.delete(id, "not the password", CLIENT))
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(403));
        assertThat(database.count("SELECT count(*) FROM users WHERE id = ? AND deleted_at IS NULL", id))
                .isEqualTo(1);

        accounts.delete(id, PASSWORD, CLIENT);

        assertThat(database.count(
                        "SELECT count(*) FROM users WHERE id = ? AND email = ? AND password_hash IS NULL",
                        id,
                        "deleted-" + id + "@invalid"))
                .isEqualTo(1);
        assertThat(database.count("SELECT count(*) FROM orders WHERE reference = ? AND user_id IS NULL", order))
                .isEqualTo(1);
        assertThat(sessions.userOf(signedIn.sessionToken())).isEmpty();
        assertThatThrownBy(() -> accounts.signIn(email, PASSWORD, "198.51.100.40"))
                .isInstanceOf(ApiException.class);
        accounts.signUp(email, PASSWORD, CLIENT);
        assertThat(mails(email, AccountMails.VERIFY))
                .as("the address is free again")
                .isEqualTo(2);
    }

    @Test
    void theHistoryPagesNewestFirstAndShowsOnlyTheCustomersOrders() {
        String email = unique("regular@example.com");
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < AccountService.HISTORY_PAGE + 5; i++) {
            placed.add(guestOrder(email));
        }
        guestOrder(unique("someone-else@example.com"));
        accounts.signUp(email, PASSWORD, CLIENT);
        int id = accounts.verify(token(email, AccountMails.VERIFY)).account().id();

        OrderHistoryPage first = accounts.orders(id, null);
        OrderHistoryPage second = accounts.orders(id, first.nextCursor());

        List<String> newestFirst = new ArrayList<>(placed);
        Collections.reverse(newestFirst);
        assertThat(first.orders()).extracting(OrderView::orderId).containsExactlyElementsOf(newestFirst.subList(0, 20));
        assertThat(second.orders())
                .extracting(OrderView::orderId)
                .containsExactlyElementsOf(newestFirst.subList(20, 25));
        assertThat(second.nextCursor()).isNull();
        assertThatThrownBy(() -> accounts.orders(id, "bm90IGEgY3Vyc29y"))
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
    }

    private String signedUp(String email) {
        accounts.signUp(email, PASSWORD, CLIENT);
        accounts.verify(token(email, AccountMails.VERIFY));
        return email;
    }

    private String guestOrder(String email) {
        String reference = OrderReference.random();
        orders.createOrder(
                reference,
                email,
                "usd",
                new BigDecimal("14.00"),
                List.of(new PricedLine(1, "Ceramic Mug", 1, new BigDecimal("14.00"), 1400)));
        return reference;
    }

    private int mails(String recipient, String kind) {
        return database.count(
                "SELECT count(*) FROM outgoing_mail WHERE lower(recipient) = lower(?) AND kind = ?", recipient, kind);
    }

    /** The token in the only mail of the kind to the address. */
    private String token(String recipient, String kind) {
        assertThat(mails(recipient, kind)).isEqualTo(1);
        return latestToken(recipient, kind);
    }

    private String latestToken(String recipient, String kind) {
        String text = database.jdbi()
                .withHandle(handle -> handle.createQuery("""
                        SELECT text_body FROM outgoing_mail WHERE lower(recipient) = lower(:recipient) AND kind = :kind
                        ORDER BY id DESC LIMIT 1""")
                        .bind("recipient", recipient)
                        .bind("kind", kind)
                        .mapTo(String.class)
                        .one());
        Matcher matcher = LINK_TOKEN.matcher(text);
        assertThat(matcher.find()).as("a link with a token in: %s", text).isTrue();
        return matcher.group(1);
    }

    private static String unique(String email) {
        return UUID.randomUUID().toString().substring(0, 8) + "-" + email;
    }
}
