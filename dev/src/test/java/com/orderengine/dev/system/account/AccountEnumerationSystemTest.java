package com.orderengine.dev.system.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderengine.dev.system.testing.ApiClient;
import com.orderengine.dev.system.testing.ApiClient.Reply;
import com.orderengine.dev.system.testing.OrderEngineStack;
import com.orderengine.infrastructure.config.OrderEngineConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Whether an address has an account must not show, in the answer or in its time. Each pair of cases is measured
 * interleaved, 50 times each after a warm-up, through the running api; the medians must be within 20 % of each
 * other. The throttles are raised here so that they do not answer instead (they have their own tests). No worker runs, so
 * nothing else competes for the machine and the mails stay in the outbox, where the test reads its links.
 */
class AccountEnumerationSystemTest {

    private static final int TRIES = 50;
    private static final double TOLERANCE = 0.20;
    private static final String PASSWORD = "correct horse battery staple";
    private static final Pattern LINK_TOKEN = Pattern.compile("#token=([A-Za-z0-9_-]+)");

    @RegisterExtension
    @Order(0)
    static final OrderEngineStack stack = new OrderEngineStack();

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<OrderEngineConfiguration> api = stack.api(
            stack.temporalTarget(),
            ConfigOverride.config("api", "accounts.failuresPerAccountAndClient", "1000"),
            ConfigOverride.config("api", "accounts.failuresPerClient", "100000"),
            ConfigOverride.config("api", "accounts.failuresPerAccount", "100000"),
            ConfigOverride.config("api", "accounts.mailsPerClient", "100000"),
            ConfigOverride.config("api", "accounts.mailsPerRecipient", "100000"));

    @Test
    void signInTakesAsLongForAnUnknownAddressOrAnUnverifiedAccountAsForAWrongPassword() {
        ApiClient client = new ApiClient(api.getLocalPort());
        String known = verifiedAccount(client);
        String unverified = unique("unverified@example.com");
        assertThat(post(client, "/api/account/signup", credentials(unverified, PASSWORD))
                        .status())
                .isEqualTo(202);

        List<Supplier<Reply>> cases = List.of(
                () -> post(client, "/api/account/signin", credentials(known, "not the password")),
                () -> post(client, "/api/account/signin", credentials(unique("nobody@example.com"), PASSWORD)),
                () -> post(client, "/api/account/signin", credentials(unverified, PASSWORD)));
        double[] medians = interleavedMedians(cases, 401);

        report("sign-in", "wrong password", medians[0], "unknown address", medians[1]);
        report("sign-in", "wrong password", medians[0], "unverified account", medians[2]);
        assertThat(medians[1] / medians[0]).isBetween(1 - TOLERANCE, 1 + TOLERANCE);
        assertThat(medians[2] / medians[0]).isBetween(1 - TOLERANCE, 1 + TOLERANCE);
    }

    @Test
    void signUpTakesAsLongForAnAddressWithAnAccountAsForANewOne() {
        ApiClient client = new ApiClient(api.getLocalPort());
        String known = verifiedAccount(client);

        List<Supplier<Reply>> cases = List.of(
                () -> post(client, "/api/account/signup", credentials(known, PASSWORD)),
                () -> post(client, "/api/account/signup", credentials(unique("new@example.com"), PASSWORD)));
        double[] medians = interleavedMedians(cases, 202);

        report("sign-up", "existing account", medians[0], "new address", medians[1]);
        assertThat(medians[1] / medians[0]).isBetween(1 - TOLERANCE, 1 + TOLERANCE);
    }

    @Test
    void aResetRequestTakesAsLongForAnUnknownAddressAsForAnAccount() {
        ApiClient client = new ApiClient(api.getLocalPort());
        String known = verifiedAccount(client);

        List<Supplier<Reply>> cases = List.of(
                () -> post(client, "/api/account/password-reset", "{\"email\":\"" + known + "\"}"),
                () -> post(
                        client, "/api/account/password-reset", "{\"email\":\"" + unique("nobody@example.com") + "\"}"));
        double[] medians = interleavedMedians(cases, 202);

        report("reset request", "account", medians[0], "unknown address", medians[1]);
        assertThat(medians[1] / medians[0]).isBetween(1 - TOLERANCE, 1 + TOLERANCE);
    }

    /** Median milliseconds per case, every case run once per round, the order rotating between rounds. */
    private static double[] interleavedMedians(List<Supplier<Reply>> cases, int expectedStatus) {
        for (int warmUp = 0; warmUp < 10; warmUp++) {
            cases.forEach(Supplier::get);
        }
        List<List<Double>> times = new ArrayList<>();
        cases.forEach(c -> times.add(new ArrayList<>()));
        for (int round = 0; round < TRIES; round++) {
            for (int i = 0; i < cases.size(); i++) {
                int index = (i + round) % cases.size();
                long start = System.nanoTime();
                Reply reply = cases.get(index).get();
                times.get(index).add((System.nanoTime() - start) / 1e6);
                assertThat(reply.status()).as(reply.body()).isEqualTo(expectedStatus);
            }
        }
        return times.stream().mapToDouble(AccountEnumerationSystemTest::median).toArray();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static void report(String step, String baseline, double baselineMs, String other, double otherMs) {
        System.out.printf(
                "enumeration: %s, median of %d: %s %.1f ms, %s %.1f ms, ratio %.2f%n",
                step, TRIES, baseline, baselineMs, other, otherMs, otherMs / baselineMs);
    }

    private static String verifiedAccount(ApiClient client) {
        String email = unique("known@example.com");
        assertThat(post(client, "/api/account/signup", credentials(email, PASSWORD))
                        .status())
                .isEqualTo(202);
        String text = stack.database
                .jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT text_body FROM outgoing_mail WHERE recipient = :email ORDER BY id DESC LIMIT 1")
                        .bind("email", email)
                        .mapTo(String.class)
                        .one());
        Matcher token = LINK_TOKEN.matcher(text);
        assertThat(token.find()).isTrue();
        assertThat(post(client, "/api/account/verify", "{\"token\":\"" + token.group(1) + "\"}")
                        .status())
                .isEqualTo(200);
        return email;
    }

    private static Reply post(ApiClient client, String path, String body) {
        return client.postJson(path, body, Map.of());
    }

    private static String credentials(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }

    private static String unique(String email) {
        return UUID.randomUUID().toString().substring(0, 8) + "-" + email;
    }
}
