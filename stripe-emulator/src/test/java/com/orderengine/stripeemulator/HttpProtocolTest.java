package com.orderengine.stripeemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderengine.stripeemulator.fault.StripeOperation;
import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Wire-level behaviour checked with a plain HTTP client. */
class HttpProtocolTest {

    private static final String FORM = "mode=payment&success_url=https%3A%2F%2Fshop.example%2Fok"
            + "&line_items[0][price_data][currency]=usd&line_items[0][price_data][unit_amount]=1999"
            + "&line_items[0][price_data][product_data][name]=Mug&line_items[0][quantity]=2"
            + "&metadata[order_id]=abc&payment_intent_data[metadata][order_id]=abc";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private StripeEmulator emulator;

    @BeforeEach
    void start() {
        emulator = StripeEmulator.start(StripeEmulatorOptions.defaults());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void acceptsStripesBracketNotationAndAnswersWithStripesHeaders() throws Exception {
        HttpResponse<String> response = send(post("/v1/checkout/sessions", FORM)
                .header("Authorization", "Bearer " + TestStripe.API_KEY)
                .header("Stripe-Version", "2026-07-29.dahlia")
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).startsWith("req_"));
        assertThat(response.headers().firstValue("Stripe-Version")).hasValue("2026-07-29.dahlia");
        JsonNode session = JSON.readTree(response.body());
        assertThat(session.get("amount_total").asLong()).isEqualTo(3998);
        assertThat(session.get("metadata").get("order_id").asText()).isEqualTo("abc");
        assertThat(session.get("payment_intent").isNull()).isTrue();
        assertThat(session.get("customer_details").isNull()).isTrue();
        assertThat(emulator.checkoutSession(session.get("id").asText())
                        .orElseThrow()
                        .paymentIntentMetadata())
                .containsEntry("order_id", "abc");
    }

    @Test
    void replaysByteForByteWithTheReplayHeader() throws Exception {
        HttpRequest request = post("/v1/checkout/sessions", FORM)
                .header("Authorization", "Bearer " + TestStripe.API_KEY)
                .header("Idempotency-Key", "raw-1")
                .build();

        HttpResponse<String> first = send(request);
        HttpResponse<String> second = send(request);

        assertThat(second.statusCode()).isEqualTo(first.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(second.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(second.headers().firstValue("Idempotency-Key")).hasValue("raw-1");
        assertThat(second.headers().firstValue("Request-Id"))
                .isNotEqualTo(first.headers().firstValue("Request-Id"));
    }

    @Test
    void acceptsBasicAuthWithTheKeyAsUser() throws Exception {
        String basic = Base64.getEncoder().encodeToString((TestStripe.API_KEY + ":").getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = send(post("/v1/checkout/sessions", FORM)
                .header("Authorization", "Basic " + basic)
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void rejectsMissingAndNonTestKeys() throws Exception {
        HttpResponse<String> missing =
                send(get("/v1/checkout/sessions/cs_test_x").build());
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(error(missing).get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error(missing).get("message").asText()).startsWith("You did not provide an API key.");
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/json");

        HttpResponse<String> live = send(get("/v1/checkout/sessions/cs_test_x")
                .header("Authorization", "Bearer sk_live_abcdefghijklmnop1234")
                .build());
        assertThat(live.statusCode()).isEqualTo(401);
        assertThat(error(live).get("message").asText())
                .isEqualTo("Invalid API Key provided: sk_live_****************1234");
    }

    @Test
    void stripeJavaReportsABadKeyAsAnAuthenticationError() {
        StripeClient wrongKey = StripeClient.builder()
                .setApiKey("pk_test_publishable")
                .setApiBase(emulator.baseUrl())
                .build();

        assertThatThrownBy(() -> wrongKey.v1().checkout().sessions().retrieve("cs_test_x"))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(401);
                    assertThat(e.getStripeError().getMessage())
                            .startsWith("Invalid API Key provided: pk_test_")
                            .doesNotContain("publishable");
                });
        assertThat(emulator.requestCount(StripeOperation.RETRIEVE_CHECKOUT_SESSION))
                .isZero();
    }

    @Test
    void unknownRoutesAreUnrecognizedUrls() throws Exception {
        HttpResponse<String> response = send(get("/v1/foo?x=1")
                .header("Authorization", "Bearer " + TestStripe.API_KEY)
                .build());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(error(response).get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error(response).get("message").asText()).startsWith("Unrecognized request URL (GET: /v1/foo)");

        HttpResponse<String> wrongMethod = send(HttpRequest.newBuilder(uri("/v1/checkout/sessions"))
                .header("Authorization", "Bearer " + TestStripe.API_KEY)
                .DELETE()
                .build());
        assertThat(wrongMethod.statusCode()).isEqualTo(404);
    }

    @Test
    void everyGetRouteAnswersHeadWithItsHeadersAndNoBody() throws Exception {
        String id = JSON.readTree(send(post("/v1/checkout/sessions", FORM)
                                .header("Authorization", "Bearer " + TestStripe.API_KEY)
                                .build())
                        .body())
                .get("id")
                .asText();

        HttpResponse<String> api = send(HttpRequest.newBuilder(uri("/v1/checkout/sessions/" + id))
                .header("Authorization", "Bearer " + TestStripe.API_KEY)
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/c/pay/" + id))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());

        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(api.body()).isEmpty();
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).isEmpty();
    }

    @Test
    void malformedBodiesAndUnknownQueryParametersAreInvalidRequests() throws Exception {
        HttpResponse<String> malformed = send(post("/v1/checkout/sessions", "mode=payment&mode[x]=1")
                .header("Authorization", "Bearer " + TestStripe.API_KEY)
                .build());
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(error(malformed).get("type").asText()).isEqualTo("invalid_request_error");

        HttpResponse<String> unknownQuery = send(get("/v1/checkout/sessions/cs_test_x?colour=red")
                .header("Authorization", "Bearer " + TestStripe.API_KEY)
                .build());
        assertThat(unknownQuery.statusCode()).isEqualTo(400);
        assertThat(error(unknownQuery).get("param").asText()).isEqualTo("colour");
    }

    private HttpRequest.Builder post(String path, String form) {
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    private URI uri(String path) {
        return URI.create(emulator.baseUrl() + path);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode error(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body()).get("error");
    }
}
