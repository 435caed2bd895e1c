package com.orderengine.account.db;

import com.orderengine.mail.OutgoingMail;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Accounts, their sessions and their single-use tokens. Every statement stands alone, so two api instances racing
 * (two sign-ups of one address, one token used twice) settle in the database: one wins, the other finds nothing.
 * Tokens and sessions are looked up by the SHA-256 of what the customer holds, never by the value itself.
 */
@RegisterConstructorMapper(Account.class)
@RegisterConstructorMapper(AccountSession.class)
public interface AccountDao {

    /** The new account's id; empty when the address (in any case) already has one. */
    @SqlQuery("""
            INSERT INTO users (email, password_hash, role) VALUES (:email, :passwordHash, 'customer')
            ON CONFLICT DO NOTHING
            RETURNING id
            """)
    Optional<Integer> create(@Bind("email") String email, @Bind("passwordHash") String passwordHash);

    @SqlQuery("""
            SELECT id, email, password_hash, role, created_at, verified_at FROM users
            WHERE lower(email) = lower(:email) AND deleted_at IS NULL
            """)
    Optional<Account> findByEmail(@Bind("email") String email);

    @SqlQuery("""
            SELECT id, email, password_hash, role, created_at, verified_at FROM users
            WHERE id = :id AND deleted_at IS NULL
            """)
    Optional<Account> findById(@Bind("id") int id);

    /** True the first time only. */
    @SqlUpdate("UPDATE users SET verified_at = :at WHERE id = :id AND verified_at IS NULL AND deleted_at IS NULL")
    boolean markVerified(@Bind("id") int id, @Bind("at") Instant at);

    /** Guest orders placed with the account's address become its orders; only ever called once it is verified. */
    @SqlUpdate("UPDATE orders SET user_id = :id WHERE user_id IS NULL AND lower(email) = lower(:email)")
    int claimGuestOrders(@Bind("id") int id, @Bind("email") String email);

    @SqlUpdate("""
            INSERT INTO account_tokens (token_hash, user_id, purpose, expires_at)
            VALUES (:tokenHash, :userId, :purpose, :expiresAt)
            """)
    void createToken(
            @Bind("tokenHash") byte[] tokenHash,
            @Bind("userId") int userId,
            @Bind("purpose") String purpose,
            @Bind("expiresAt") Instant expiresAt);

    /** Whether the token could be used now; {@link #useToken} is still what decides, once. */
    @SqlQuery("""
            SELECT EXISTS (SELECT 1 FROM account_tokens
                WHERE token_hash = :tokenHash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now)""")
    boolean tokenIsUsable(
            @Bind("tokenHash") byte[] tokenHash, @Bind("purpose") String purpose, @Bind("now") Instant now);

    /** The token's account, marking the token used: once, before it expires, for its purpose only. */
    @SqlQuery("""
            UPDATE account_tokens SET used_at = :now
            WHERE token_hash = :tokenHash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now
            RETURNING user_id
            """)
    Optional<Integer> useToken(
            @Bind("tokenHash") byte[] tokenHash, @Bind("purpose") String purpose, @Bind("now") Instant now);

    @SqlUpdate("""
            INSERT INTO account_sessions (token_hash, user_id, created_at, last_seen_at)
            VALUES (:tokenHash, :userId, :now, :now)
            """)
    void createSession(@Bind("tokenHash") byte[] tokenHash, @Bind("userId") int userId, @Bind("now") Instant now);

    @SqlQuery("SELECT user_id, created_at, last_seen_at FROM account_sessions WHERE token_hash = :tokenHash")
    Optional<AccountSession> findSession(@Bind("tokenHash") byte[] tokenHash);

    @SqlUpdate("UPDATE account_sessions SET last_seen_at = :now WHERE token_hash = :tokenHash")
    void touchSession(@Bind("tokenHash") byte[] tokenHash, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM account_sessions WHERE token_hash = :tokenHash")
    void endSession(@Bind("tokenHash") byte[] tokenHash);

    /** Every session of the account but the one it is changing its password in. */
    @SqlUpdate("DELETE FROM account_sessions WHERE user_id = :userId AND token_hash <> :keep")
    int endOtherSessions(@Bind("userId") int userId, @Bind("keep") byte[] keep);

    /** Every session of the account: a password change or reset, a deletion. */
    @SqlUpdate("DELETE FROM account_sessions WHERE user_id = :userId")
    int endSessions(@Bind("userId") int userId);

    @SqlUpdate("UPDATE users SET password_hash = :passwordHash WHERE id = :id AND deleted_at IS NULL")
    boolean changePassword(@Bind("id") int id, @Bind("passwordHash") String passwordHash);

    /**
     * Deletes the account in one statement: the row stays for the orders' foreign key, with nothing personal left
     * in it (the address becomes {@code deleted-<id>@invalid}, no password), its orders stay in the shop's books
     * without the link to it, and its sessions, links and trusted browsers end.
     */
    @SqlQuery("""
            WITH gone AS (
                UPDATE users SET email = 'deleted-' || id || '@invalid', password_hash = NULL, deleted_at = :now
                WHERE id = :id AND deleted_at IS NULL RETURNING id),
            unlinked AS (UPDATE orders SET user_id = NULL WHERE user_id IN (SELECT id FROM gone)),
            sessions AS (DELETE FROM account_sessions WHERE user_id IN (SELECT id FROM gone)),
            tokens AS (DELETE FROM account_tokens WHERE user_id IN (SELECT id FROM gone)),
            devices AS (DELETE FROM account_devices WHERE user_id IN (SELECT id FROM gone))
            SELECT count(*) FROM gone""")
    int anonymise(@Bind("id") int id, @Bind("now") Instant now);

    /**
     * A password reset in one statement, whether or not the address has an account: earlier reset links of the
     * account stop working, the new token is stored and its mail added. For an unknown address the same statement
     * finds no account and writes nothing, in the same round trip, so the answer's time tells nobody which it was.
     * Returns the account's id, or empty.
     */
    @SqlQuery("""
            WITH account AS (
                SELECT id, email FROM users WHERE lower(email) = lower(:email) AND deleted_at IS NULL),
            dropped AS (
                DELETE FROM account_tokens
                WHERE user_id IN (SELECT id FROM account) AND purpose = 'reset' AND used_at IS NULL),
            token AS (
                INSERT INTO account_tokens (token_hash, user_id, purpose, expires_at)
                SELECT :tokenHash, id, 'reset', :expiresAt FROM account),
            mail AS (
                INSERT INTO outgoing_mail (message_id, kind, recipient, subject, text_body, html_body)
                SELECT :mail.messageId, :mail.kind, email, :mail.subject, :mail.text, :mail.html FROM account)
            SELECT id FROM account""")
    Optional<Integer> addResetLink(
            @Bind("email") String email,
            @Bind("tokenHash") byte[] tokenHash,
            @Bind("expiresAt") Instant expiresAt,
            @BindMethods("mail") OutgoingMail mail);

    @SqlUpdate("INSERT INTO account_devices (token_hash, user_id, created_at) VALUES (:tokenHash, :userId, :now)")
    void addDevice(@Bind("tokenHash") byte[] tokenHash, @Bind("userId") int userId, @Bind("now") Instant now);

    /** The account a device cookie was given to, if it was given after {@code since} (it lasts a year). */
    @SqlQuery("SELECT user_id FROM account_devices WHERE token_hash = :tokenHash AND created_at > :since")
    Optional<Integer> deviceOwner(@Bind("tokenHash") byte[] tokenHash, @Bind("since") Instant since);

    /**
     * Forgets what can no longer be used: sessions past either timeout, links past their expiry (used or not), and
     * device cookies older than their lifetime. Returns how many rows went.
     */
    @SqlQuery("""
            WITH sessions AS (
                DELETE FROM account_sessions WHERE last_seen_at < :idleSince OR created_at < :absoluteSince
                RETURNING 1),
            tokens AS (DELETE FROM account_tokens WHERE expires_at < :now RETURNING 1),
            devices AS (DELETE FROM account_devices WHERE created_at < :devicesSince RETURNING 1)
            SELECT (SELECT count(*) FROM sessions) + (SELECT count(*) FROM tokens) + (SELECT count(*) FROM devices)""")
    int forgetExpired(
            @Bind("now") Instant now,
            @Bind("idleSince") Instant idleSince,
            @Bind("absoluteSince") Instant absoluteSince,
            @Bind("devicesSince") Instant devicesSince);

    /** After a password reset no browser is trusted until it signs in again. */
    @SqlUpdate("DELETE FROM account_devices WHERE user_id = :userId")
    int forgetDevices(@Bind("userId") int userId);
}
