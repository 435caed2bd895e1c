package com.orderengine.dev.system.account;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.orderengine.dev.ReceivedMail;
import com.orderengine.dev.system.testing.ApiClient;
import com.orderengine.dev.system.testing.ApiClient.Reply;
import com.orderengine.dev.system.testing.OrderEngineStack;
import com.orderengine.infrastructure.config.OrderEngineConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Customer accounts through the running api: the cookie, the same-origin rule, sign-in's answers and throttle,
 * and a checkout made while signed in.
 */
class AccountSystemTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Pattern SESSION = Pattern.compile("__Host-session=([A-Za-z0-9_-]+)");

    @RegisterExtension
    @Order(0)
    static final OrderEngineStack stack = new OrderEngineStack();

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<OrderEngineConfiguration> worker = stack.worker();

    @RegisterExtension
    @Order(2)
    static final DropwizardAppExtension<OrderEngineConfiguration> api = stack.api();

    private ApiClient client;

    @BeforeEach
    void setUp() {
        client = new ApiClient(api.getLocalPort());
    }

    @Test
    void signUpVerifyBuyAndSeeTheOrderInTheHistory() {
        String email = unique("ada@example.com");
        Reply signUp = post("/api/account/signup", credentials(email, PASSWORD), null, Map.of());
        assertThat(signUp.status()).isEqualTo(202);
        assertThat(signUp.json().path("status").asText()).isEqualTo("verification_sent");
        assertThat(signUp.setCookie()).isNull();

        Reply verified =
                post("/api/account/verify", "{\"token\":\"" + mailedToken(email, "verify") + "\"}", null, Map.of());

        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.json().path("email").asText()).isEqualTo(email);
        assertThat(verified.json().path("role").asText()).isEqualTo("customer");
        assertThat(verified.setCookie())
                .contains("Path=/", "Secure", "HttpOnly", "SameSite=Lax", "Max-Age=2592000")
                .doesNotContain("Domain");
        assertThat(verified.setCookie().lines())
                .as("the browser is also marked as the account's own, for the sign-in throttle")
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("__Host-device=")
                        .contains("Path=/", "Secure", "HttpOnly", "SameSite=Lax", "Max-Age=31536000"));
        String session = session(verified);
        Reply account = get("/api/account", session);
        assertThat(account.status()).isEqualTo(200);
        assertThat(account.json().path("verified").asBoolean()).isTrue();

        Reply otherAddress = post("/api/checkout", cart(unique("someone@example.com")), session, sameOrigin());
        assertThat(otherAddress.status()).isEqualTo(422);
        assertThat(otherAddress.text("error")).contains("signed-in account's address");

        Reply checkout = post("/api/checkout", cart(email.toUpperCase()), session, sameOrigin());
        assertThat(checkout.status()).as(checkout.body()).isEqualTo(200);
        String orderId = checkout.text("orderId");
        assertThat(stack.database.count(
                        "SELECT count(*) FROM orders o JOIN users u ON u.id = o.user_id "
                                + "WHERE o.reference = ? AND u.email = ? AND o.email = ?",
                        orderId,
                        email,
                        email))
                .as("the order is the account's, with the account's address")
                .isEqualTo(1);

        Reply history = get("/api/account/orders", session);
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().path("orders").get(0).path("orderId").asText())
                .isEqualTo(orderId);
        assertThat(history.json()
                        .path("orders")
                        .get(0)
                        .path("items")
                        .get(0)
                        .path("quantity")
                        .asInt())
                .isEqualTo(2);
        assertThat(history.json().path("nextCursor").isNull()).isTrue();

        Reply signOut = post("/api/account/signout", "", session, sameOrigin());
        assertThat(signOut.status()).isEqualTo(204);
        assertThat(signOut.setCookie()).contains("Max-Age=0");
        assertThat(get("/api/account", session).status())
                .as("the session ended on the server, not only in the browser")
                .isEqualTo(401);
        Reply asGuest = post("/api/checkout", cart(unique("guest@example.com")), session, sameOrigin());
        assertThat(asGuest.status())
                .as("a cookie whose session ended checks out as a guest")
                .isEqualTo(200);
        assertThat(stack.database.count(
                        "SELECT count(*) FROM orders WHERE reference = ? AND user_id IS NULL", asGuest.text("orderId")))
                .isEqualTo(1);
    }

    @Test
    void aCookieAuthenticatedChangeFromAnotherOriginIsRefusedAndChangesNothing() {
        String email = unique("victim@example.com");
        String session = signedIn(email);

        Map<String, Map<String, String>> forged = new LinkedHashMap<>();
        forged.put("another origin", Map.of("Origin", "http://evil.test"));
        forged.put("a cross-site fetch", Map.of("Sec-Fetch-Site", "cross-site"));
        forged.put("a same-site sibling", Map.of("Sec-Fetch-Site", "same-site", "Origin", "http://shop.test"));
        forged.put("no origin at all", Map.of());
        for (var attempt : forged.entrySet()) {
            Reply signOut = post("/api/account/signout", "", session, attempt.getValue());
            assertThat(signOut.status()).as(attempt.getKey()).isEqualTo(403);
            assertThat(signOut.text("error")).as(attempt.getKey()).startsWith("refused:");
            Reply checkout = post("/api/checkout", cart(email), session, attempt.getValue());
            assertThat(checkout.status()).as(attempt.getKey()).isEqualTo(403);
        }
        Reply formPost = client.send(request("/api/account/signout", session, sameOrigin())
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(formPost.status()).as("a body type an HTML form can send").isEqualTo(403);

        assertThat(get("/api/account", session).status()).as("still signed in").isEqualTo(200);
        assertThat(stack.database.count("SELECT count(*) FROM orders WHERE lower(email) = lower(?)", email))
                .as("no forged checkout ran")
                .isZero();
        Reply webhook = client.send(request("/api/webhooks/stripe", session, Map.of("Origin", "http://evil.test"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(webhook.text("error"))
                .as("Stripe's webhook answers on its own terms: its signature")
                .doesNotStartWith("refused:");
        Reply forgedSignIn =
                post("/api/account/signin", credentials(email, PASSWORD), null, Map.of("Origin", "http://evil.test"));
        assertThat(forgedSignIn.status()).as("no login CSRF").isEqualTo(403);
        Reply disguised = post(
                "/api/account;x=1/signin", credentials(email, PASSWORD), null, Map.of("Origin", "http://evil.test"));
        assertThat(disguised.status()).as("a matrix parameter hides nothing").isEqualTo(403);
    }

    @Test
    void noSiteMayFrameTheShopAndNoCacheKeepsTheAccount() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/", "/account", "/cart", "/api/account", "/api/products", "/nope")) {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(client.baseUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(answer.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValue("frame-ancestors 'none'");
            assertThat(answer.headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .hasValue("nosniff");
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
        }
        HttpResponse<String> account = http.send(
                HttpRequest.newBuilder(URI.create(client.baseUrl() + "/api/account/orders"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(account.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void signInAnswersAlikeForEveryFailureAndThrottlesRepeatedOnes() {
        String email = unique("known@example.com");
        signedIn(email);
        String unverified = unique("unverified@example.com");
        post("/api/account/signup", credentials(unverified, PASSWORD), null, Map.of());

        Reply wrongPassword = post("/api/account/signin", credentials(email, "not my password"), null, Map.of());
        Reply unknown =
                post("/api/account/signin", credentials(unique("nobody@example.com"), PASSWORD), null, Map.of());
        Reply notVerified = post("/api/account/signin", credentials(unverified, PASSWORD), null, Map.of());
        for (Reply reply : new Reply[] {wrongPassword, unknown, notVerified}) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.body()).isEqualTo(wrongPassword.body());
            assertThat(reply.setCookie()).isNull();
        }

        for (int i = 0; i < 4; i++) {
            assertThat(post("/api/account/signin", credentials(email, "guess " + i), null, Map.of())
                            .status())
                    .isEqualTo(401);
        }
        Reply throttled = post("/api/account/signin", credentials(email, PASSWORD), null, Map.of());

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(Integer.parseInt(throttled.retryAfter())).isBetween(1, 300);
        assertThat(throttled.text("error")).contains("too many failed sign-ins");
    }

    @Test
    void malformedAccountRequestsAreRefusedWithJson() {
        Reply unknownField = post(
                "/api/account/signup",
                "{\"email\":\"" + unique("x@example.com") + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"admin\"}",
                null,
                Map.of());
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.text("error")).contains("role");
        Reply weak = post("/api/account/signup", credentials(unique("weak@example.com"), "password1"), null, Map.of());
        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.text("error")).contains("common");
        Reply badToken = post("/api/account/verify", "{\"token\":\"nope\"}", null, Map.of());
        assertThat(badToken.status()).isEqualTo(400);
        assertThat(get("/api/account/orders", null).status()).isEqualTo(401);
        assertThat(stack.database.count("SELECT count(*) FROM users WHERE email LIKE '%weak@example.com'"))
                .isZero();
    }

    @Test
    void noPasswordTokenOrCookieReachesALogLine() {
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger ours = (Logger) LoggerFactory.getLogger("com.orderengine");
        Level configured = ours.getLevel();
        root.addAppender(lines);
        ours.setLevel(Level.DEBUG);
        List<String> secrets = new ArrayList<>();
        try {
            String email = unique("private@example.com");
            String newPassword = "a brand new passphrase";
            secrets.add(PASSWORD);
            secrets.add(newPassword);
            post("/api/account/signup", credentials(email, PASSWORD), null, Map.of());
            String verifyToken = mailedToken(email, "verify");
            secrets.add(verifyToken);
            Reply verified = post("/api/account/verify", "{\"token\":\"" + verifyToken + "\"}", null, Map.of());
            secrets.add(session(verified));
            Matcher device = Pattern.compile("__Host-device=([A-Za-z0-9_-]+)").matcher(verified.setCookie());
            assertThat(device.find()).isTrue();
            secrets.add(device.group(1));
            post("/api/account/signin", credentials(email, "a wrong password"), null, Map.of());
            Reply signedIn = post("/api/account/signin", credentials(email, PASSWORD), null, Map.of());
            secrets.add(session(signedIn));
            post("/api/account/password-reset", "{\"email\":\"" + email + "\"}", null, Map.of());
            String resetToken = mailedToken(email, "reset");
            secrets.add(resetToken);
            Reply weak = post(
                    "/api/account/password-reset/confirm",
                    "{\"token\":\"" + resetToken + "\",\"password\":\"password\"}",
                    null,
                    Map.of());
            assertThat(weak.status()).isEqualTo(422);
            Reply reset = post(
                    "/api/account/password-reset/confirm",
                    "{\"token\":\"" + resetToken + "\",\"password\":\"" + newPassword + "\"}",
                    null,
                    Map.of());
            assertThat(reset.status()).as(reset.body()).isEqualTo(204);
            Reply again = post("/api/account/signin", credentials(email, newPassword), null, Map.of());
            secrets.add(session(again));
            post("/api/account/signout", "", session(again), sameOrigin());
            secrets.add(stack.database
                    .jdbi()
                    .withHandle(handle -> handle.createQuery("SELECT password_hash FROM users WHERE email = :email")
                            .bind("email", email)
                            .mapTo(String.class)
                            .one()));
        } finally {
            ours.setLevel(configured);
            root.detachAppender(lines);
        }
        List<ILoggingEvent> captured = List.copyOf(lines.list);
        assertThat(captured)
                .as("the flow was logged at all")
                .anySatisfy(line -> assertThat(line.getFormattedMessage()).contains("reset its password"));
        for (ILoggingEvent line : captured) {
            StringBuilder everything =
                    new StringBuilder(line.getFormattedMessage()).append(' ').append(line.getMDCPropertyMap());
            for (IThrowableProxy cause = line.getThrowableProxy(); cause != null; cause = cause.getCause()) {
                everything.append(' ').append(cause.getMessage());
            }
            for (String secret : secrets) {
                assertThat(everything.toString())
                        .as("a log line of %s", line.getLoggerName())
                        .doesNotContain(secret);
            }
        }
    }

    private String signedIn(String email) {
        assertThat(post("/api/account/signup", credentials(email, PASSWORD), null, Map.of())
                        .status())
                .isEqualTo(202);
        Reply verified =
                post("/api/account/verify", "{\"token\":\"" + mailedToken(email, "verify") + "\"}", null, Map.of());
        assertThat(verified.status()).isEqualTo(200);
        return session(verified);
    }

    /** The token of the newest {@code page} link mailed to the address, once the stack's mail server has it. */
    private static String mailedToken(String email, String page) {
        Pattern link = Pattern.compile("/account/" + page + "#token=([A-Za-z0-9_-]+)");
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            for (ReceivedMail mail : stack.mail().received()) {
                Matcher matcher = link.matcher(mail.text());
                if (mail.to().contains(email) && matcher.find()) {
                    return matcher.group(1);
                }
            }
            assertThat(System.nanoTime())
                    .as("a %s link mailed to %s", page, email)
                    .isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String session(Reply reply) {
        Matcher matcher = SESSION.matcher(reply.setCookie());
        assertThat(matcher.find()).as(reply.setCookie()).isTrue();
        return matcher.group(1);
    }

    private Reply get(String path, String session) {
        return client.send(request(path, session, Map.of()).GET());
    }

    private Reply post(String path, String body, String session, Map<String, String> headers) {
        return client.send(request(path, session, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path, String session, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.baseUrl() + path));
        if (session != null) {
            request.header("Cookie", "__Host-session=" + session);
        }
        headers.forEach(request::header);
        return request;
    }

    /** What a browser adds to the shop's own fetch. */
    private static Map<String, String> sameOrigin() {
        return Map.of("Origin", OrderEngineStack.SITE_URL, "Sec-Fetch-Site", "same-origin");
    }

    private static String credentials(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }

    private static String cart(String email) {
        return "{\"items\":[{\"productId\":1,\"quantity\":2}],\"email\":\"" + email + "\"}";
    }

    private static String unique(String email) {
        return UUID.randomUUID().toString().substring(0, 8) + "-" + email;
    }
}
