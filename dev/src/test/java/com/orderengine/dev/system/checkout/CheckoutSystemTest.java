package com.orderengine.dev.system.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderengine.dev.system.testing.ApiClient;
import com.orderengine.dev.system.testing.ApiClient.Reply;
import com.orderengine.dev.system.testing.OrderEngineStack;
import com.orderengine.infrastructure.config.OrderEngineConfiguration;
import com.orderengine.order.OrderReference;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** POST /api/checkout, the catalogue and order reads, through the running api and worker. */
class CheckoutSystemTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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
    void theCatalogueListsProductsWithDecimalStringPrices() {
        Reply list = client.get("/api/products");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).hasSize(6);
        JsonNode tote = list.json().get(1);
        assertThat(tote.path("id").asInt()).isEqualTo(2);
        assertThat(tote.path("name").asText()).isEqualTo("Canvas Tote");
        assertThat(tote.path("price").isTextual()).isTrue();
        assertThat(tote.path("price").asText()).isEqualTo("19.99");
        assertThat(tote.path("imageUrl").asText()).isEqualTo("/images/tote.svg");

        assertThat(client.get("/api/products/2").json()).isEqualTo(tote);
        Reply missing = client.get("/api/products/999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text("error")).isEqualTo("product 999 not found");
        assertThat(client.get("/api/products/abc").status()).isEqualTo(404);
        assertThat(client.get("/api/nothing-here").json().path("error").asText())
                .isEqualTo("not found");
    }

    @Test
    void clientPricesAndUnknownFieldsAreRefusedByNameAndWriteNothing() {
        int ordersBefore = stack.database.count("SELECT count(*) FROM orders");
        int sessionsBefore = stack.stripe.checkoutSessionsCreated();

        Reply priced = client.postJson("/api/checkout", """
                {"items":[{"productId":1,"quantity":2,"price":"0.01"}],"email":"ada@example.com"}""");
        assertThat(priced.status()).as(priced.body()).isEqualTo(400);
        assertThat(priced.text("error")).isEqualTo("unknown field items[0].price (known: productId, quantity)");

        Reply coupon = client.postJson("/api/checkout", """
                {"items":[{"productId":1,"quantity":2}],"email":"ada@example.com","coupon":"FREE"}""");
        assertThat(coupon.status()).as(coupon.body()).isEqualTo(400);
        assertThat(coupon.text("error")).isEqualTo("unknown field coupon (known: email, items)");

        assertThat(stack.database.count("SELECT count(*) FROM orders")).isEqualTo(ordersBefore);
        assertThat(stack.stripe.checkoutSessionsCreated()).isEqualTo(sessionsBefore);
    }

    @Test
    void checkoutPricesFromTheDatabase() {
        Reply reply = client.postJson("/api/checkout", """
                {"items":[{"productId":1,"quantity":2},{"productId":3,"quantity":1}],"email":"ada@example.com"}""");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        String orderId = reply.text("orderId");
        assertThat(orderId).matches("[A-Za-z0-9_-]{22}");
        assertThat(reply.text("url")).startsWith(stack.stripe.baseUrl());

        JsonNode order = client.get("/api/orders/" + orderId).json();
        assertThat(order.path("orderId").asText()).isEqualTo(orderId);
        assertThat(order.path("status").asText()).isEqualTo("pending");
        assertThat(order.path("email").asText()).isEqualTo("ada@example.com");
        assertThat(order.path("currency").asText()).isEqualTo("usd");
        assertThat(order.path("total").asText()).isEqualTo("37.50"); // 2 x 14.00 + 9.50
        assertThat(order.path("items")).hasSize(2);
        assertThat(order.path("items").get(0).path("name").asText()).isEqualTo("Ceramic Mug");
        assertThat(order.path("items").get(0).path("unitPrice").asText()).isEqualTo("14.00");
        assertThat(order.path("createdAt").asText()).isNotBlank();
        assertThat(order.path("paidAt").isNull()).isTrue();

        var session = stack.stripe.checkoutSessions().stream()
                .filter(s -> orderId.equals(s.clientReferenceId()))
                .findFirst()
                .orElseThrow();
        assertThat(session.amountTotal()).isEqualTo(3750);
        assertThat(session.url()).isEqualTo(reply.text("url"));

        // Where Stripe's success redirect starts: the session id names the order.
        JsonNode bySession =
                client.get("/api/checkout/sessions/" + session.id()).json();
        assertThat(bySession.path("orderId").asText()).isEqualTo(orderId);
        assertThat(bySession.path("status").asText()).isEqualTo("pending");
        assertThat(client.get("/api/checkout/sessions/cs_test_unknown").status())
                .isEqualTo(404);
        assertThat(client.get("/api/checkout/sessions/not-a-session").status()).isEqualTo(404);
    }

    @Test
    void theStorefrontIsServedBesideTheApi() throws Exception {
        Reply home = client.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.contentType()).startsWith("text/html");
        assertThat(home.body()).contains("/js/index.js");

        Reply cart = client.get("/cart");
        assertThat(cart.status()).isEqualTo(200);
        assertThat(cart.body()).contains("data-testid=\"checkout\"");

        Reply success = client.get("/checkout/success?session_id=cs_test_abc");
        assertThat(success.status()).isEqualTo(200);
        assertThat(success.body()).contains("/js/success.js");

        // Each page, under its own path or its file's name, carries the shared header and no template marker.
        for (String page : List.of("/", "/index.html", "/cart", "/cart.html", "/checkout/success", "/success.html")) {
            Reply reply = client.get(page);
            assertThat(reply.status()).as(page).isEqualTo(200);
            assertThat(reply.body())
                    .as(page)
                    .contains("<header class=\"site-header\">")
                    .doesNotContain("site-header -->");
        }

        HttpClient http = HttpClient.newHttpClient();
        for (String page : List.of("/", "/cart", "/checkout/success")) {
            HttpResponse<String> get = http.send(
                    HttpRequest.newBuilder(URI.create(client.baseUrl() + page)).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> head = http.send(
                    HttpRequest.newBuilder(URI.create(client.baseUrl() + page))
                            .method("HEAD", HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(head.statusCode()).as("HEAD " + page).isEqualTo(200);
            assertThat(head.body()).as("HEAD " + page).isEmpty();
            assertThat(head.headers().firstValue("Content-Type"))
                    .as("HEAD " + page)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(head.headers().firstValueAsLong("Content-Length"))
                    .as("HEAD " + page + " announces the page GET sends")
                    .hasValue((long) get.body().getBytes(StandardCharsets.UTF_8).length);
            HttpResponse<String> post = http.send(
                    HttpRequest.newBuilder(URI.create(client.baseUrl() + page))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).as("POST " + page).isEqualTo(405);
            assertThat(post.headers().firstValue("Allow")).as("POST " + page).hasValue("GET, HEAD");
            assertThat(post.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
            assertThat(JSON.readTree(post.body()).path("error").asText())
                    .as("POST " + page)
                    .isEqualTo("POST is not allowed on a page");
        }

        Reply script = client.get("/js/cart.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).contains("javascript");
        assertThat(client.get("/images/mug.svg").contentType()).startsWith("image/svg+xml");
        assertThat(client.get("/no-such-page.html").status()).isEqualTo(404);
    }

    @Test
    void theSameIdempotencyKeyReturnsTheSameOrderAndCreatesNothingNew() {
        String body = """
                {"items":[{"productId":4,"quantity":1}],"email":"grace@example.com"}""";
        Map<String, String> key = Map.of("Idempotency-Key", "cart-7f3a-attempt");
        Reply first = client.postJson("/api/checkout", body, key);
        int sessions = stack.stripe.checkoutSessionsCreated();
        Reply second = client.postJson("/api/checkout", body, key);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.text("orderId")).isEqualTo(first.text("orderId"));
        assertThat(second.text("url")).isEqualTo(first.text("url"));
        assertThat(stack.stripe.checkoutSessionsCreated()).isEqualTo(sessions);
        assertThat(stack.database.count("SELECT count(*) FROM orders WHERE reference = ?", first.text("orderId")))
                .isEqualTo(1);

        Reply otherCart = client.postJson("/api/checkout", """
                {"items":[{"productId":4,"quantity":2}],"email":"grace@example.com"}""", key);
        assertThat(otherCart.status()).isEqualTo(422);
        assertThat(otherCart.text("error")).contains("Idempotency-Key");
    }

    @Test
    void unknownAndMalformedOrderReferencesAnswerTheSame404() {
        Reply unknown = client.get("/api/orders/" + OrderReference.random());
        Reply malformed = client.get("/api/orders/1%20OR%201=1");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(malformed.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo(malformed.body()).isEqualTo("{\"error\":\"order not found\"}");
    }

    /**
     * The same in time, not only in body: unknown and malformed references, interleaved so both see the same
     * machine, must not differ in median or tail by more than noise.
     */
    @Test
    void unknownAndMalformedOrderReferencesTakeTheSameTime() {
        List<String> malformed = List.of(
                "1%20OR%201=1",
                "not-a-reference",
                "x".repeat(200),
                "0",
                "%27%3B--",
                OrderReference.random().substring(1));
        for (int i = 0; i < 300; i++) { // warm up both paths
            client.get("/api/orders/" + OrderReference.random());
            client.get("/api/orders/" + malformed.get(i % malformed.size()));
        }
        int rounds = 2_000;
        long[] unknownNanos = new long[rounds];
        long[] malformedNanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            String unknownPath = "/api/orders/" + OrderReference.random();
            String malformedPath = "/api/orders/" + malformed.get(i % malformed.size());
            boolean unknownFirst = i % 2 == 0;
            long first = timed(unknownFirst ? unknownPath : malformedPath);
            long second = timed(unknownFirst ? malformedPath : unknownPath);
            unknownNanos[i] = unknownFirst ? first : second;
            malformedNanos[i] = unknownFirst ? second : first;
        }
        Arrays.sort(unknownNanos);
        Arrays.sort(malformedNanos);
        double unknownMedian = unknownNanos[rounds / 2] / 1e6;
        double malformedMedian = malformedNanos[rounds / 2] / 1e6;
        double unknownP90 = unknownNanos[rounds * 9 / 10] / 1e6;
        double malformedP90 = malformedNanos[rounds * 9 / 10] / 1e6;
        System.out.printf(
                "enumeration timing: %d × 2 requests; median unknown %.3f ms, malformed %.3f ms; "
                        + "p90 %.3f ms vs %.3f ms%n",
                rounds, unknownMedian, malformedMedian, unknownP90, malformedP90);
        // An attacker measuring over the network sees the difference of medians; keep it within noise.
        assertThat(Math.abs(unknownMedian - malformedMedian))
                .isLessThan(Math.max(0.25, 0.2 * Math.max(unknownMedian, malformedMedian)));
    }

    private long timed(String path) {
        long start = System.nanoTime();
        Reply reply = client.get(path);
        long elapsed = System.nanoTime() - start;
        assertThat(reply.status()).isEqualTo(404);
        return elapsed;
    }

    static Stream<Arguments> badCheckouts() {
        String hundredAndOne = IntStream.rangeClosed(1, 101)
                .mapToObj(i -> "{\"productId\":" + i + ",\"quantity\":1}")
                .collect(Collectors.joining(",", "[", "]"));
        return Stream.of(
                Arguments.of(
                        "unknown product",
                        "{\"items\":[{\"productId\":999,\"quantity\":1}],\"email\":\"a@example.com\"}",
                        422,
                        "unknown productId 999"),
                Arguments.of(
                        "quantity 0",
                        "{\"items\":[{\"productId\":1,\"quantity\":0}],\"email\":\"a@example.com\"}",
                        422,
                        "items[0].quantity must be greater than or equal to 1"),
                Arguments.of(
                        "quantity -1",
                        "{\"items\":[{\"productId\":1,\"quantity\":-1}],\"email\":\"a@example.com\"}",
                        422,
                        "items[0].quantity must be greater than or equal to 1"),
                Arguments.of(
                        "quantity 10^9",
                        "{\"items\":[{\"productId\":1,\"quantity\":1000000000}],\"email\":\"a@example.com\"}",
                        422,
                        "exceeds the maximum of 99 per line"),
                Arguments.of(
                        "quantity beyond int",
                        "{\"items\":[{\"productId\":1,\"quantity\":100000000000000000000}],\"email\":\"a@example.com\"}",
                        400,
                        "items[0].quantity"),
                Arguments.of(
                        "fractional quantity",
                        "{\"items\":[{\"productId\":1,\"quantity\":1.5}],\"email\":\"a@example.com\"}",
                        400,
                        "items[0].quantity: expected an integer"),
                Arguments.of(
                        "quantity as string",
                        "{\"items\":[{\"productId\":1,\"quantity\":\"2\"}],\"email\":\"a@example.com\"}",
                        400,
                        "items[0].quantity: expected an integer"),
                Arguments.of(
                        "duplicate product ids",
                        "{\"items\":[{\"productId\":1,\"quantity\":1},{\"productId\":1,\"quantity\":2}],\"email\":\"a@example.com\"}",
                        422,
                        "duplicate productId 1"),
                Arguments.of(
                        "101 lines",
                        "{\"items\":" + hundredAndOne + ",\"email\":\"a@example.com\"}",
                        422,
                        "items size must be between"),
                Arguments.of(
                        "empty items", "{\"items\":[],\"email\":\"a@example.com\"}", 422, "items must not be empty"),
                Arguments.of("missing items", "{\"email\":\"a@example.com\"}", 422, "items must not be empty"),
                Arguments.of("null line", "{\"items\":[null],\"email\":\"a@example.com\"}", 422, "must not be null"),
                Arguments.of(
                        "items not an array",
                        "{\"items\":{\"productId\":1},\"email\":\"a@example.com\"}",
                        400,
                        "items: expected an array"),
                Arguments.of(
                        "invalid email",
                        "{\"items\":[{\"productId\":1,\"quantity\":1}],\"email\":\"not-an-email\"}",
                        422,
                        "email"),
                Arguments.of(
                        "email without dot",
                        "{\"items\":[{\"productId\":1,\"quantity\":1}],\"email\":\"a@b\"}",
                        422,
                        "email must be a well-formed email address"),
                Arguments.of(
                        "email as number",
                        "{\"items\":[{\"productId\":1,\"quantity\":1}],\"email\":42}",
                        400,
                        "email: expected a string"),
                Arguments.of("malformed JSON", "{\"items\":[{\"productId\":1,", 400, "malformed JSON"),
                Arguments.of(
                        "trailing garbage",
                        "{\"items\":[{\"productId\":1,\"quantity\":1}],\"email\":\"a@example.com\"} x",
                        400,
                        "malformed JSON"),
                Arguments.of("not an object", "[1,2,3]", 400, "request body: expected an object"),
                Arguments.of("empty body", "", 400, "a JSON request body is required"),
                Arguments.of("null body", "null", 400, "a JSON request body is required"),
                Arguments.of(
                        "unknown field",
                        "{\"items\":[{\"productId\":1,\"quantity\":1}],\"email\":\"a@example.com\",\"total\":\"0\"}",
                        400,
                        "unknown field total"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCheckouts")
    void badInputAnswers4xxWithAJsonErrorAndWritesNothing(String name, String body, int status, String message) {
        int sessionsBefore = stack.stripe.checkoutSessionsCreated();
        int ordersBefore = stack.database.count("SELECT count(*) FROM orders");
        String idempotencyKey = "bad-input-" + name.replace(' ', '-');

        Reply reply = client.postJson("/api/checkout", body, Map.of("Idempotency-Key", idempotencyKey));

        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.text("error")).as(reply.body()).contains(message);
        assertThat(stack.database.count("SELECT count(*) FROM orders")).isEqualTo(ordersBefore);
        assertThat(stack.stripe.checkoutSessionsCreated()).isEqualTo(sessionsBefore);
        assertThat(workflowExists(OrderReference.fromIdempotencyKey(idempotencyKey)))
                .isFalse();
    }

    @Test
    void theApiDescribesItselfAtOpenapiJsonAndShowsItsReferenceAtDocs() {
        Reply document = client.get("/api/openapi.json");
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.contentType()).startsWith("application/json");
        assertThat(document.json().path("openapi").asText()).startsWith("3.1.");
        assertThat(document.json().path("paths").path("/checkout").path("post").isObject())
                .isTrue();
        assertThat(client.get("/api/openapi.yaml").body()).startsWith("openapi: 3.1.");

        Reply page = client.get("/api/docs");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("/api/docs/ui/swagger-ui-bundle.js", "/js/api-docs.js");
        Reply bundle = client.get("/api/docs/ui/swagger-ui-bundle.js");
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.contentType()).contains("javascript");
        assertThat(client.get("/js/api-docs.js").body()).contains("/api/openapi.json");
    }

    @Test
    void aBadEmailIsNamedOnceThoughTwoRulesRefuseIt() {
        Reply reply = client.postJson("/api/checkout", """
                {"items":[{"productId":1,"quantity":1}],"email":"not-an-email"}""");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.text("error")).isEqualTo("email must be a well-formed email address");
    }

    @Test
    void aMalformedIdempotencyKeyIsRefused() {
        Reply reply = client.postJson(
                "/api/checkout",
                "{\"items\":[{\"productId\":1,\"quantity\":1}],\"email\":\"a@example.com\"}",
                Map.of("Idempotency-Key", "x".repeat(256)));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("error")).contains("Idempotency-Key");
    }

    @Test
    void aWrongContentTypeIsRefused() {
        Reply reply = client.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/api/checkout"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("items=1")));
        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.text("error")).contains("application/json");
    }

    private boolean workflowExists(String orderId) {
        var client = stack.temporalClient();
        try {
            client.getWorkflowServiceStubs()
                    .blockingStub()
                    .describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
                            .setNamespace("default")
                            .setExecution(
                                    WorkflowExecution.newBuilder().setWorkflowId(OrderReference.workflowId(orderId)))
                            .build());
            return true;
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }
}
