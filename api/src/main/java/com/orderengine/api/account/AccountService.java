package com.orderengine.api.account;

import com.orderengine.account.db.Account;
import com.orderengine.account.db.AccountDao;
import com.orderengine.api.errors.ApiException;
import com.orderengine.api.order.OrderViews;
import com.orderengine.infrastructure.config.AccountsFactory;
import com.orderengine.mail.OutgoingMail;
import com.orderengine.mail.OutgoingMailDao;
import com.orderengine.order.db.OrderDao;
import com.orderengine.order.db.OrderRecord;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a customer can do with an account. Every answer that could tell whether an address has an account (sign-up,
 * sign-in, a reset) is the same either way, and takes the same work; a mail is added to the outbox in the same
 * transaction as the token it carries, so a sign-up never waits for, nor fails with, the SMTP server.
 */
public final class AccountService {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    static final int HISTORY_PAGE = 20;
    static final String WRONG_CREDENTIALS =
            "the email and password do not match a verified account; if you just signed up, open the link we mailed";
    private static final String VERIFY = "verify";
    private static final String RESET = "reset";

    private final Jdbi jdbi;
    private final AccountDao accounts;
    private final OrderDao orders;
    private final OrderViews views;
    private final AccountSessions sessions;
    private final PasswordHashing hashing;
    private final PasswordPolicy policy;
    private final SignInThrottle throttle;
    private final MailThrottle mailThrottle;
    private final AccountMails mails;
    private final AccountsFactory rules;
    private final Clock clock;

    public AccountService(
            Jdbi jdbi,
            OrderViews views,
            AccountSessions sessions,
            PasswordHashing hashing,
            PasswordPolicy policy,
            SignInThrottle throttle,
            MailThrottle mailThrottle,
            AccountMails mails,
            AccountsFactory rules,
            Clock clock) {
        this.jdbi = jdbi;
        this.accounts = jdbi.onDemand(AccountDao.class);
        this.orders = jdbi.onDemand(OrderDao.class);
        this.views = views;
        this.sessions = sessions;
        this.hashing = hashing;
        this.policy = policy;
        this.throttle = throttle;
        this.mailThrottle = mailThrottle;
        this.mails = mails;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * A signed-in customer: the account, the session's value, and the device cookie's value when the browser is to
     * be given one (null when the one it sent stays).
     */
    public record SignedIn(Account account, String sessionToken, String deviceToken) {}

    public void signUp(String email, String password, String client) {
        refuseWeak(password);
        mailAllowed(client);
        if (!mailThrottle.takeForRecipient(email)) {
            log.info("sign-up not mailed: the address was mailed enough lately");
            return;
        }
        String hash = hashing.hash(password);
        jdbi.useTransaction(handle -> {
            AccountDao dao = handle.attach(AccountDao.class);
            Optional<Integer> created = dao.create(email, hash);
            if (created.isPresent()) {
                mailVerification(handle, created.get(), email);
                log.info("account {} signed up; verification mailed", created.get());
                return;
            }
            Account existing = dao.findByEmail(email).orElse(null);
            if (existing == null) {
                // Deleted accounts keep an anonymised row; the address itself is free again, so this is a race
                // with a concurrent sign-up of the same address, which won: that one's mail is on its way.
                return;
            }
            // Confirmed or not, the account keeps its password: a later sign-up (perhaps not by the address's owner)
            // must not choose the password an earlier link confirms. The owner resets it from the mailbox instead.
            add(handle, mails.alreadyRegistered(existing.email()));
            log.info("sign-up for existing account {}; a reminder mailed", existing.id());
        });
    }

    public SignedIn verify(String token) {
        return verify(token, null);
    }

    /** {@code currentSession}: the session cookie the browser sent, or null; it ends, as at any sign-in. */
    public SignedIn verify(String token, String currentSession) {
        Account account = jdbi.inTransaction(handle -> {
            AccountDao dao = handle.attach(AccountDao.class);
            int userId = dao.useToken(Secrets.hash(token), VERIFY, clock.instant())
                    .orElseThrow(() -> invalidLink("confirmation"));
            return verified(dao, userId);
        });
        sessions.end(currentSession);
        log.info("account {} signed in by its confirmation link", account.id());
        return new SignedIn(account, sessions.start(account.id()), newDevice(account.id()));
    }

    public SignedIn signIn(String email, String password, String client) {
        return signIn(email, password, client, null, null);
    }

    public SignedIn signIn(String email, String password, String client, String deviceCookie) {
        return signIn(email, password, client, deviceCookie, null);
    }

    /**
     * {@code deviceCookie}: the device cookie the browser sent, or null; {@code currentSession}: the session cookie
     * it sent, or null, which ends once the new session starts (a session never outlives a sign-in).
     */
    public SignedIn signIn(String email, String password, String client, String deviceCookie, String currentSession) {
        Optional<Account> account = accounts.findByEmail(email);
        SignInThrottle.Attempt attempt = SignInThrottle.Attempt.of(
                account.map(Account::id), email, client, trustedDevice(account, deviceCookie));
        Optional<Duration> wait = throttle.take(attempt);
        if (wait.isPresent()) {
            throw ApiException.tooManyRequests("too many failed sign-ins", wait.get());
        }
        boolean matches = account.isPresent() && account.get().passwordHash() != null
                ? hashing.verify(password, account.get().passwordHash())
                : hashing.verifyNothing(password);
        if (!matches || !account.get().isVerified()) {
            throw ApiException.unauthorized(WRONG_CREDENTIALS);
        }
        throttle.giveBack(attempt);
        int id = account.get().id();
        sessions.end(currentSession);
        log.info("account {} signed in", id);
        return new SignedIn(
                account.get(), sessions.start(id), attempt.trustedDevice().isPresent() ? null : newDevice(id));
    }

    /** The hash of the device cookie, when it is one the account gave out. */
    private Optional<String> trustedDevice(Optional<Account> account, String deviceCookie) {
        if (deviceCookie == null || deviceCookie.isEmpty() || deviceCookie.length() > 64) {
            return Optional.empty();
        }
        byte[] hash = Secrets.hash(deviceCookie);
        Optional<Integer> owner = accounts.deviceOwner(hash, clock.instant().minus(SessionCookie.DEVICE_LIFETIME));
        return owner.isPresent()
                        && account.isPresent()
                        && owner.get() == account.get().id()
                ? Optional.of(HexFormat.of().formatHex(hash))
                : Optional.empty();
    }

    private String newDevice(int userId) {
        String token = Secrets.generate();
        accounts.addDevice(Secrets.hash(token), userId, clock.instant());
        return token;
    }

    public void signOut(String sessionToken) {
        sessions.end(sessionToken);
    }

    public Account account(int userId) {
        return accounts.findById(userId).orElseThrow(() -> ApiException.unauthorized("sign in first"));
    }

    public OrderHistoryPage orders(int userId, String cursor) {
        int before = cursor == null || cursor.isEmpty() ? Integer.MAX_VALUE : Cursor.decode(cursor);
        List<OrderRecord> page = orders.findByUser(userId, before, HISTORY_PAGE + 1);
        boolean more = page.size() > HISTORY_PAGE;
        List<OrderRecord> shown = more ? page.subList(0, HISTORY_PAGE) : page;
        return new OrderHistoryPage(
                shown.stream().map(views::of).toList(),
                more ? Cursor.encode(shown.get(shown.size() - 1).id()) : null);
    }

    /** The same work whatever the address: the statement finds the account or not. */
    public void requestReset(String email, String client) {
        mailAllowed(client);
        if (!mailThrottle.takeForRecipient(email)) {
            log.info("reset not mailed: the address was mailed enough lately");
            return;
        }
        String token = Secrets.generate();
        Duration lifetime = rules.getResetLinkLifetime().toJavaDuration();
        accounts.addResetLink(
                        email,
                        Secrets.hash(token),
                        clock.instant().plus(lifetime),
                        mails.passwordReset(email, token, lifetime))
                .ifPresent(id -> log.info("account {} asked for a password reset; link mailed", id));
    }

    /**
     * Sets the new password and ends every session. Opening the mailed link proves the address, so an account not
     * yet verified is verified now, and its guest orders are claimed.
     */
    public void resetPassword(String token, String password) {
        // A link that cannot work is refused before a password hash is spent on it.
        if (!accounts.tokenIsUsable(Secrets.hash(token), RESET, clock.instant())) {
            throw invalidLink("reset");
        }
        refuseWeak(password);
        String hash = hashing.hash(password);
        jdbi.useTransaction(handle -> {
            AccountDao dao = handle.attach(AccountDao.class);
            int userId =
                    dao.useToken(Secrets.hash(token), RESET, clock.instant()).orElseThrow(() -> invalidLink("reset"));
            dao.changePassword(userId, hash);
            verified(dao, userId);
            int ended = dao.endSessions(userId);
            dao.forgetDevices(userId);
            log.info("account {} reset its password; {} sessions ended", userId, ended);
        });
    }

    /**
     * A signed-in customer's new password, checked against the current one (which counts against the sign-in
     * allowances, as a sign-in does). Every other session of the account ends, and no browser is trusted any more
     * until it signs in again: a password is changed when someone else may know it.
     */
    public void changePassword(
            int userId, String currentSession, String currentPassword, String newPassword, String client) {
        refuseWeak(newPassword);
        requirePassword(userId, currentPassword, client, "the current password is wrong; the password was not changed");
        String hash = hashing.hash(newPassword);
        jdbi.useTransaction(handle -> {
            AccountDao dao = handle.attach(AccountDao.class);
            dao.changePassword(userId, hash);
            int ended = dao.endOtherSessions(userId, Secrets.hash(currentSession));
            dao.forgetDevices(userId);
            log.info("account {} changed its password; {} other sessions ended", userId, ended);
        });
    }

    public void delete(int userId, String password, String client) {
        requirePassword(userId, password, client, "the password is wrong; the account was not deleted");
        accounts.anonymise(userId, clock.instant());
        log.info("account {} deleted; its orders kept without it", userId);
    }

    /** Sessions, links and device cookies past their time; run now and then. */
    public int forgetExpired() {
        Instant now = clock.instant();
        return accounts.forgetExpired(
                now,
                now.minus(rules.getSessionIdleTimeout().toJavaDuration()),
                now.minus(rules.getSessionAbsoluteTimeout().toJavaDuration()),
                now.minus(SessionCookie.DEVICE_LIFETIME));
    }

    /**
     * A signed-in customer's password, checked before a change it guards; a wrong one counts against the sign-in
     * allowances, as at sign-in, so a stolen session cannot be used to guess it.
     */
    private void requirePassword(int userId, String password, String client, String refusal) {
        Account account = account(userId);
        SignInThrottle.Attempt attempt =
                SignInThrottle.Attempt.of(Optional.of(userId), account.email(), client, Optional.empty());
        Optional<Duration> wait = throttle.take(attempt);
        if (wait.isPresent()) {
            throw ApiException.tooManyRequests("too many wrong passwords", wait.get());
        }
        if (account.passwordHash() == null || !hashing.verify(password, account.passwordHash())) {
            throw ApiException.forbidden(refusal);
        }
        throttle.giveBack(attempt);
    }

    private Account verified(AccountDao dao, int userId) {
        if (dao.markVerified(userId, clock.instant())) {
            Account account = dao.findById(userId).orElseThrow();
            int claimed = dao.claimGuestOrders(userId, account.email());
            log.info("account {} verified; {} guest orders claimed", userId, claimed);
            return account;
        }
        return dao.findById(userId).orElseThrow(() -> invalidLink("account"));
    }

    private void mailVerification(Handle handle, int userId, String email) {
        String token = Secrets.generate();
        Duration lifetime = rules.getVerificationLinkLifetime().toJavaDuration();
        handle.attach(AccountDao.class)
                .createToken(
                        Secrets.hash(token), userId, VERIFY, clock.instant().plus(lifetime));
        add(handle, mails.verification(email, token, lifetime));
    }

    private static void add(Handle handle, OutgoingMail mail) {
        handle.attach(OutgoingMailDao.class).add(mail);
    }

    private void mailAllowed(String client) {
        Optional<Duration> wait = mailThrottle.takeForClient(client);
        if (wait.isPresent()) {
            throw ApiException.tooManyRequests("too many sign-up and reset requests from this address", wait.get());
        }
    }

    private void refuseWeak(String password) {
        policy.refusal(password).ifPresent(reason -> {
            throw ApiException.unprocessable(reason);
        });
    }

    private static ApiException invalidLink(String what) {
        return ApiException.badRequest("this " + what
                + " link is not valid: it was used already, has expired, or a newer one was mailed since");
    }

    /** The history's cursor: opaque to clients, the id of the last order shown. */
    static final class Cursor {
        private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

        static String encode(int orderId) {
            return ENCODER.encodeToString(("before:" + orderId).getBytes(StandardCharsets.US_ASCII));
        }

        static int decode(String cursor) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
                if (text.startsWith("before:")) {
                    int id = Integer.parseInt(text.substring("before:".length()));
                    if (id > 0) {
                        return id;
                    }
                }
            } catch (IllegalArgumentException malformed) {
                // answered below
            }
            throw ApiException.badRequest("cursor is not one this api gave out");
        }
    }
}
