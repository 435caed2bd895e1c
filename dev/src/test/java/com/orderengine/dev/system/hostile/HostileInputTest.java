package com.orderengine.dev.system.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderengine.dev.StripeEvents;
import com.orderengine.dev.system.testing.OrderEngineStack;
import com.orderengine.infrastructure.config.OrderEngineConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Generated garbage against POST /api/checkout and POST /api/webhooks/stripe: wrong types, missing and extra
 * fields, huge and negative numbers, deep nesting, 10 MB bodies, invalid UTF-8, SQL and HTML metacharacters,
 * wrong content types, forged signatures. Every answer must be a 4xx with a JSON error, and nothing is written.
 */
class HostileInputTest {

    @RegisterExtension
    @Order(0)
    static final OrderEngineStack stack = new OrderEngineStack();

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<OrderEngineConfiguration> worker = stack.worker();

    @RegisterExtension
    @Order(2)
    static final DropwizardAppExtension<OrderEngineConfiguration> api = stack.api();

    private static final int REQUESTS = 5_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] NASTY_STRINGS = {
        "' OR 1=1 --",
        "'; DROP TABLE orders; --",
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "%00",
        "\u0000",
        "a@b",
        "@example.com",
        "x".repeat(300) + "@example.com",
        "\uD83D\uDE00@example.com",
        "${jndi:ldap://x}",
        "../../etc/passwd",
        "",
        " ",
        "null",
        "1e999",
        "-0",
        "NaN",
        "\u202E@example.com"
    };
    private static final String[] NASTY_NUMBERS = {
        "0",
        "-1",
        "-2147483649",
        "2147483648",
        "1000000000",
        "1e30",
        "1.5",
        "-0.0",
        "99999999999999999999999",
        "NaN",
        "Infinity",
        "\"1\"",
        "true",
        "null",
        "[]",
        "{}",
        "0x10"
    };

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random = new Random(20261125L);

    @Test
    void requestsJettyRefusesBeforeOurCodeRunsAnswerJson() throws Exception {
        String body = "{\"items\":[{\"productId\":1,\"quantity\":1}],\"email\":\"a@example.com\"}";
        RawAnswer emptyType = raw("POST /api/checkout HTTP/1.1\r\nHost: x\r\nContent-Type:\r\nContent-Length: "
                + body.length() + "\r\nConnection: close\r\n\r\n" + body);
        RawAnswer hugeSignature = raw("POST /api/webhooks/stripe HTTP/1.1\r\nHost: x\r\nStripe-Signature: " + "t=1,v1="
                + "a".repeat(20_000) + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        RawAnswer garbage = raw("GARBAGE\r\n\r\n");

        for (RawAnswer answer : List.of(emptyType, hugeSignature, garbage)) {
            assertThat(answer.status()).as(answer.text()).isBetween(400, 499);
            assertThat(answer.header("content-type")).as(answer.text()).startsWith("application/json");
            assertThat(JSON.readTree(answer.body()).path("error").asText())
                    .as(answer.text())
                    .isNotBlank();
        }
        assertThat(hugeSignature.status()).isEqualTo(431);
    }

    @Test
    void anUnknownAddressIsJsonForClientsAndTheShopsOwnPageForABrowser() throws Exception {
        for (String path : List.of("/nope", "/products/1", "/css/nope.css")) {
            HttpResponse<String> browser = http.send(
                    HttpRequest.newBuilder(URI.create(base() + path))
                            .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(browser.statusCode()).as(path).isEqualTo(404);
            assertThat(browser.headers().firstValue("Content-Type").orElseThrow())
                    .as(path)
                    .startsWith("text/html");
            assertThat(browser.body())
                    .as(path)
                    .contains("Page not found", "<header class=\"site-header\">", "href=\"/\"")
                    .doesNotContain("site-header -->");

            HttpResponse<String> client = http.send(
                    HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(client.statusCode()).as(path).isEqualTo(404);
            assertThat(client.headers().firstValue("Content-Type").orElseThrow())
                    .as(path)
                    .startsWith("application/json");
            assertThat(JSON.readTree(client.body()).path("error").asText()).isEqualTo("nothing here: " + path);
        }
        HttpResponse<String> api = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/nope"))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(api.body()).path("error").asText()).isNotBlank();

        for (String method : List.of("POST", "PUT", "DELETE")) {
            HttpResponse<String> refused = http.send(
                    HttpRequest.newBuilder(URI.create(base() + "/css/shop.css"))
                            .method(method, HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(method).isEqualTo(405);
            assertThat(JSON.readTree(refused.body()).path("error").asText())
                    .as(method)
                    .isNotBlank();
        }
    }

    private String base() {
        return "http://127.0.0.1:" + api.getLocalPort();
    }

    /** A request written byte for byte, as no HTTP client would send it. */
    private RawAnswer raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", api.getLocalPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            // Up to the end of the headers, then as many bytes as they announce: the connection may stay open.
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int next = in.read();
                if (next < 0) {
                    break;
                }
                head.write(next);
            }
            RawAnswer headers = new RawAnswer(head.toString(StandardCharsets.ISO_8859_1));
            String length = headers.header("content-length");
            byte[] body = in.readNBytes(length.isEmpty() ? 0 : Integer.parseInt(length));
            return new RawAnswer(headers.text() + new String(body, StandardCharsets.UTF_8));
        }
    }

    private record RawAnswer(String text) {

        int status() {
            return Integer.parseInt(text.split(" ", 3)[1]);
        }

        String header(String name) {
            for (String line : text.substring(0, text.indexOf("\r\n\r\n")).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return "";
        }

        String body() {
            return text.substring(text.indexOf("\r\n\r\n") + 4);
        }
    }

    @Test
    void fiveThousandMalformedRequestsAllAnswer4xxWithAJsonErrorAndWriteNothing() throws Exception {
        int ordersBefore = stack.database.count("SELECT count(*) FROM orders");
        int sessionsBefore = stack.stripe.checkoutSessionsCreated();
        List<Function<Integer, Attack>> generators = List.of(
                this::wrongTypeOfItems,
                this::wrongTypeInLine,
                this::badNumbers,
                this::badEmail,
                this::extraFieldsButMissingEmail,
                this::deepNesting,
                this::invalidUtf8,
                this::wrongContentType,
                this::notAnObject,
                this::unknownOrDuplicateProducts,
                this::badIdempotencyKey,
                this::forgedWebhook,
                this::signedGarbageWebhook);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            Attack attack = i % 500 == 499
                    ? tenMegabytes(i)
                    : generators.get(i % generators.size()).apply(i);
            HttpResponse<String> response;
            try {
                response = send(attack);
            } catch (IOException e) {
                failures.add(attack.name() + " -> no answer: " + e.getMessage());
                continue;
            }
            statuses.merge(response.statusCode(), 1, Integer::sum);
            String problem = problemWith(response);
            if (problem != null && failures.size() < 20) {
                failures.add(attack.name() + " -> " + response.statusCode() + " " + abbreviate(response.body()) + " ("
                        + problem + ")");
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("hostile input: %d requests in %d ms, statuses %s%n", REQUESTS, millis, statuses);

        assertThat(failures)
                .as("requests whose answer was not a 4xx JSON error")
                .isEmpty();
        assertThat(statuses.keySet()).allMatch(status -> status >= 400 && status < 500);
        assertThat(stack.database.count("SELECT count(*) FROM orders")).isEqualTo(ordersBefore);
        assertThat(stack.stripe.checkoutSessionsCreated()).isEqualTo(sessionsBefore);
    }

    private static String problemWith(HttpResponse<String> response) {
        if (response.statusCode() < 400 || response.statusCode() >= 500) {
            return "not a 4xx";
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            return body != null
                            && body.path("error").isTextual()
                            && !body.path("error").asText().isBlank()
                    ? null
                    : "no error message";
        } catch (Exception e) {
            return "not JSON";
        }
    }

    private record Attack(String name, String path, byte[] body, String contentType, Map<String, String> headers) {}

    private Attack checkout(String name, String body) {
        return new Attack(name, "/api/checkout", body.getBytes(StandardCharsets.UTF_8), "application/json", Map.of());
    }

    private Attack wrongTypeOfItems(int i) {
        String items = pick(new String[] {"\"items\"", "1", "true", "null", "{}", "{\"productId\":1}", "\"[]\""});
        return checkout("items=" + items, "{\"items\":" + items + ",\"email\":\"a@example.com\"}");
    }

    private Attack wrongTypeInLine(int i) {
        String line = pick(new String[] {
            "1",
            "\"x\"",
            "[]",
            "[1,2]",
            "null",
            "true",
            "{}",
            "{\"productId\":null}",
            "{\"quantity\":1}",
            "{\"productId\":1}"
        });
        return checkout("line=" + line, "{\"items\":[" + line + "],\"email\":\"a@example.com\"}");
    }

    private Attack badNumbers(int i) {
        String number = pick(NASTY_NUMBERS);
        boolean inQuantity = random.nextBoolean();
        String line = inQuantity
                ? "{\"productId\":1,\"quantity\":" + number + "}"
                : "{\"productId\":" + number + ",\"quantity\":1}";
        // 1 and 1000000000 as a product id would be valid-ish shapes: make sure the line stays bad.
        if (!inQuantity && (number.equals("1000000000") || number.equals("2147483648"))) {
            line = "{\"productId\":" + number + ",\"quantity\":0}";
        }
        return checkout(
                (inQuantity ? "quantity=" : "productId=") + number,
                "{\"items\":[" + line + "],\"email\":\"a@example.com\"}");
    }

    private Attack badEmail(int i) {
        String email = pick(NASTY_STRINGS);
        return checkout(
                "email=" + abbreviate(email),
                "{\"items\":[{\"productId\":1,\"quantity\":1}],\"email\":" + JSON.valueToTree(email) + "}");
    }

    private Attack extraFieldsButMissingEmail(int i) {
        return checkout(
                "extra fields, no email",
                "{\"items\":[{\"productId\":1,\"quantity\":1,\"price\":\"0.01\"," + "\""
                        + pick(NASTY_STRINGS).replace("\"", "") + "\":1}],\"total\":\"0\",\"admin\":true}");
    }

    private Attack deepNesting(int i) {
        int depth = 1 + random.nextInt(5_000);
        String body = "{\"items\":" + "[".repeat(depth) + "]".repeat(depth) + ",\"email\":\"a@example.com\"}";
        return checkout("nesting " + depth, body);
    }

    private Attack invalidUtf8(int i) {
        byte[] prefix = "{\"items\":[{\"productId\":1,\"quantity\":1}],\"email\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE};
        byte[] suffix = "@example.com\"}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + bad.length + suffix.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        System.arraycopy(bad, 0, body, prefix.length, bad.length);
        System.arraycopy(suffix, 0, body, prefix.length + bad.length, suffix.length);
        return new Attack("invalid UTF-8", "/api/checkout", body, "application/json", Map.of());
    }

    private Attack wrongContentType(int i) {
        String type = pick(new String[] {
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "image/png",
            null
        });
        return new Attack(
                "content-type " + type,
                "/api/checkout",
                "{\"items\":[{\"productId\":1,\"quantity\":1}],\"email\":\"a@example.com\"}"
                        .getBytes(StandardCharsets.UTF_8),
                type,
                Map.of());
    }

    private Attack notAnObject(int i) {
        return checkout("body " + i, pick(new String[] {
            "",
            " ",
            "null",
            "[]",
            "123",
            "\"str\"",
            "{",
            "}",
            "{}",
            "{\"items\":[{\"productId\":1,\"quantity\":1}]",
            "{'items':[]}",
            "{\"items\":[{\"productId\":1,"
                    + "\"quantity\":1}],\"email\":\"a@example.com\",\"email\":\"b@example.com\"}"
        }));
    }

    private Attack unknownOrDuplicateProducts(int i) {
        String body = random.nextBoolean()
                ? "{\"items\":[{\"productId\":" + (7 + random.nextInt(1_000_000)) + ",\"quantity\":1}],"
                        + "\"email\":\"a@example.com\"}"
                : "{\"items\":[{\"productId\":2,\"quantity\":1},{\"productId\":2,\"quantity\":1}],"
                        + "\"email\":\"a@example.com\"}";
        return checkout("catalogue", body);
    }

    private Attack badIdempotencyKey(int i) {
        String key = random.nextBoolean() ? "k".repeat(256 + random.nextInt(100)) : "has space";
        return new Attack(
                "idempotency key",
                "/api/checkout",
                "{\"items\":[{\"productId\":1,\"quantity\":1}],\"email\":\"a@example.com\"}"
                        .getBytes(StandardCharsets.UTF_8),
                "application/json",
                Map.of("Idempotency-Key", key));
    }

    private Attack forgedWebhook(int i) {
        String payload = StripeEvents.event(
                "evt_forged_" + i,
                "checkout.session.completed",
                JSON.createObjectNode()
                        .put("id", "cs_test_x")
                        .put("object", "checkout.session")
                        .put("client_reference_id", "AAAAAAAAAAAAAAAAAAAAAA")
                        .put("payment_status", "paid"));
        long now = System.currentTimeMillis() / 1000;
        String signature = switch (random.nextInt(7)) {
            case 0 -> StripeEvents.sign(payload, "whsec_wrong");
            case 1 -> StripeEvents.sign(payload, OrderEngineStack.WEBHOOK_SECRET, now - 301);
            case 2 -> "t=" + now + ",v1=" + "0".repeat(64);
            case 3 -> "t=abc,v1=def";
            case 4 -> "garbage";
            case 5 -> "t=" + now + ",v0=" + "a".repeat(64);
            default -> StripeEvents.sign(payload + " ", OrderEngineStack.WEBHOOK_SECRET); // signs another body
        };
        Map<String, String> headers = random.nextInt(10) == 0 ? Map.of() : Map.of("Stripe-Signature", signature);
        return new Attack(
                "forged webhook",
                "/api/webhooks/stripe",
                payload.getBytes(StandardCharsets.UTF_8),
                "application/json",
                headers);
    }

    private Attack signedGarbageWebhook(int i) {
        String payload = pick(new String[] {
            "",
            "{}",
            "[]",
            "null",
            "{\"id\":\"evt_1\"}",
            "{\"type\":\"x\"}",
            "{\"id\":\"evt_1\",\"type\":\"checkout.session.completed\",\"data\":[]}",
            "{",
            "<xml/>",
            "{\"id\":1,\"type\":2,\"data\":{\"object\":3}}"
        });
        return new Attack(
                "signed garbage " + abbreviate(payload),
                "/api/webhooks/stripe",
                payload.getBytes(StandardCharsets.UTF_8),
                "application/json",
                Map.of("Stripe-Signature", StripeEvents.sign(payload, OrderEngineStack.WEBHOOK_SECRET)));
    }

    private Attack tenMegabytes(int i) {
        byte[] body = new byte[10 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[body.length - 1] = '}';
        return new Attack(
                "10 MB",
                i % 1000 == 999 ? "/api/webhooks/stripe" : "/api/checkout",
                body,
                "application/json",
                Map.of("Stripe-Signature", "t=1,v1=00"));
    }

    private HttpResponse<String> send(Attack attack) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + api.getLocalPort() + attack.path()))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(attack.body()));
        if (attack.contentType() != null) {
            request.header("Content-Type", attack.contentType());
        }
        attack.headers().forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
