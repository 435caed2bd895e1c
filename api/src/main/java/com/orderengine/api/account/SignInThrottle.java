package com.orderengine.api.account;

import com.orderengine.infrastructure.config.AccountsFactory;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Slows password guessing down without letting anyone lock a customer out. Only failed sign-ins count (a try is
 * taken before the password is checked and given back when it was right), in three token buckets kept in
 * PostgreSQL (so the limit holds across api instances):
 *
 * <ul>
 *   <li>one account from one client address: the tight limit, which meets a guesser first and which nobody else can
 *       spend for the customer, who signs in from another address;
 *   <li>one client address, whatever the account: a guesser trying one password on many accounts;
 *   <li>one account from everywhere: a guess spread over many addresses. It is loose, so only such an attack
 *       reaches it, and then everyone waits at most the time one failure takes to refill, never hours.
 * </ul>
 *
 * A browser the account has signed in from before (it holds the account's device cookie, as OWASP's "device
 * cookies" advise) counts against an allowance of its own instead: however many addresses guess at the account,
 * the customer's own browser still signs in. Unknown addresses have buckets like known ones, so the answers tell
 * nobody which accounts exist.
 */
public final class SignInThrottle {

    private final ProxyManager<String> buckets;
    private final BucketConfiguration perAccountAndClient;
    private final BucketConfiguration perClient;
    private final BucketConfiguration perAccount;

    public SignInThrottle(ProxyManager<String> buckets, AccountsFactory rules) {
        this.buckets = buckets;
        Duration window = rules.getFailureWindow().toJavaDuration();
        this.perAccountAndClient = allowance(rules.getFailuresPerAccountAndClient(), window);
        this.perClient = allowance(rules.getFailuresPerClient(), window);
        this.perAccount = allowance(rules.getFailuresPerAccount(), window);
    }

    /** The buckets in {@code throttle_buckets}, for this and {@link MailThrottle}; a row goes once its bucket would
     * be full again. */
    public static ProxyManager<String> postgresBuckets(DataSource dataSource) {
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(autoCommitRestored(dataSource))
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("throttle_buckets")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
    }

    /**
     * bucket4j turns auto-commit off on the connections it borrows and hands them back so. Back in a pool, such a
     * connection makes JDBI believe a transaction is open on it and never commit the next request's work: each
     * connection goes back with auto-commit on again, as every other user of the pool expects.
     */
    static DataSource autoCommitRestored(DataSource pool) {
        return (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(method, pool, args);
                    return result instanceof Connection connection ? autoCommitRestoredOnClose(connection) : result;
                });
    }

    private static Connection autoCommitRestoredOnClose(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && !connection.isClosed() && !connection.getAutoCommit()) {
                        connection.rollback();
                        connection.setAutoCommit(true);
                    }
                    return invoke(method, connection, args);
                });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    static BucketConfiguration allowance(int failures, Duration window) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(failures)
                        .refillGreedy(failures, window)
                        .build())
                .build();
    }

    /**
     * Who is trying to sign in: the account when the address has one (every spelling of its address then shares its
     * allowances, whatever case folding the client tries), else the address as typed, lower-cased; the client's
     * address; and the hash of the account's device cookie when the browser sent one.
     */
    public record Attempt(String account, String client, Optional<String> trustedDevice) {

        public static Attempt of(Optional<Integer> accountId, String email, String client, Optional<String> device) {
            String account = accountId
                    .map(id -> "id:" + id)
                    .orElseGet(() -> "email:" + Secrets.hashHex(email.toLowerCase(Locale.ROOT)));
            return new Attempt(account, client, device);
        }
    }

    /**
     * Takes one try from each allowance before the password is checked, in one step per allowance, so that guesses
     * sent at once cannot all pass a check none of them has counted yet. Empty when the attempt may go ahead;
     * otherwise how long to wait, and nothing is taken. A wrong password keeps what it took; a right one gives it
     * back ({@link #giveBack}), so only failures count.
     */
    public Optional<Duration> take(Attempt attempt) {
        List<Bucket> taken = new ArrayList<>();
        long wait = 0;
        for (Key key : keys(attempt)) {
            Bucket bucket = buckets.builder().build(key.id(), () -> key.configuration());
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (probe.isConsumed()) {
                taken.add(bucket);
            } else {
                wait = Math.max(wait, Math.max(1, probe.getNanosToWaitForRefill()));
            }
        }
        if (wait == 0) {
            return Optional.empty();
        }
        taken.forEach(bucket -> bucket.addTokens(1));
        return Optional.of(Duration.ofNanos(wait));
    }

    public void giveBack(Attempt attempt) {
        for (Key key : keys(attempt)) {
            buckets.builder().build(key.id(), () -> key.configuration()).addTokens(1);
        }
    }

    private List<Key> keys(Attempt attempt) {
        if (attempt.trustedDevice().isPresent()) {
            return List.of(new Key("device:" + attempt.trustedDevice().get(), perAccountAndClient));
        }
        return List.of(
                new Key("account-client:" + attempt.account() + ":" + attempt.client(), perAccountAndClient),
                new Key("client:" + attempt.client(), perClient),
                new Key("account:" + attempt.account(), perAccount));
    }

    private record Key(String id, BucketConfiguration configuration) {}
}
