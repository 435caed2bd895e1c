package com.orderengine.order.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.orderengine.infrastructure.tools.ProjectTools;
import com.orderengine.order.OrderReference;
import com.orderengine.order.PricedLine;
import com.orderengine.order.db.RefundRecord;
import com.orderengine.stripeemulator.StripeEmulator;
import com.orderengine.stripeemulator.StripeEmulatorOptions;
import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Refund;
import com.stripe.model.checkout.Session;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine's Stripe requests, judged by Stripe's own stripe-mock, and the emulator's answers held against
 * Stripe's. Every request goes through the engine's {@link StripeCheckoutSessions} and {@link StripeRefunds}:
 * stripe-mock refuses (400) any parameter or value Stripe's OpenAPI spec does not allow, and stripe-java turns
 * that into an exception, so a request the engine should not send fails here. The same call is then made on the
 * emulator, whose answer must have stripe-mock's {@code object} type and populate every field the engine reads.
 *
 * <p>stripe-mock keeps no state and answers fixtures (a retrieve returns an object whatever the id, a created
 * session is not found again); so this judges shapes, never behaviour. The emulator's behaviour has its own tests.
 */
class StripeConformanceTest {

    private static final String SITE_URL = "http://shop.test";

    /** What the engine reads from a session (StripeCheckoutSessions, api's webhook handler), and metadata it sets. */
    private static final Set<String> SESSION_READS = Set.of(
            "id",
            "object",
            "url",
            "status",
            "payment_status",
            "payment_intent",
            "amount_total",
            "currency",
            "expires_at",
            "client_reference_id",
            "metadata");
    /** What the engine reads from a refund (StripeRefunds' RefundRecord), plus what it sends and may look at. */
    private static final Set<String> REFUND_READS =
            Set.of("id", "object", "payment_intent", "amount", "currency", "created", "status", "metadata");
    /** A list of refunds: the engine takes the first of {@code data}. */
    private static final Set<String> LIST_READS = Set.of("object", "data", "has_more");

    // Stripe leaves these null in some states; each scenario names the ones that apply to the emulator's object.
    private static final Map<String, String> PAYMENT_INTENT_NOT_YET = Map.of(
            "payment_intent", "Stripe creates a session's PaymentIntent when the customer pays (API 2022-08-01 on)");
    private static final Map<String, String> URL_GONE =
            Map.of("url", "Stripe shows the hosted page's url only while the session is open");

    private static StripeMockServer stripeMock;
    private static StripeEmulator emulator;
    private static Target mock;
    private static Target emulated;

    /** One Stripe endpoint as the engine reaches it, with the wire under observation. */
    private record Target(
            String name,
            RecordingHttpClient wire,
            StripeClient client,
            StripeCheckoutSessions sessions,
            StripeRefunds refunds) {

        static Target at(String name, String apiBase) {
            RecordingHttpClient wire = new RecordingHttpClient();
            StripeClient client = StripeClient.builder()
                    .setApiKey("sk_test_conformance")
                    .setApiBase(apiBase)
                    .setHttpClient(wire)
                    .setReadTimeout(5_000)
                    .build();
            return new Target(
                    name,
                    wire,
                    client,
                    new StripeCheckoutSessions(
                            client,
                            SITE_URL + "/checkout/success?session_id={CHECKOUT_SESSION_ID}",
                            SITE_URL + "/cart"),
                    new StripeRefunds(client));
        }

        /** The JSON of the last answer, as the engine's stripe-java call received it. */
        JsonObject lastAnswer() {
            return JsonParser.parseString(wire.last().body()).getAsJsonObject();
        }
    }

    /** A Stripe call that must be accepted; a refusal fails the test with Stripe's message. */
    private interface StripeCall<T> {
        T call() throws StripeException;
    }

    @BeforeAll
    static void start() {
        // require() throws, with how to build it, when stripe-mock is missing: the suite fails rather than skips.
        Path binary = ProjectTools.ofWorkingDirectory().require(ProjectTools.STRIPE_MOCK);
        stripeMock = StripeMockServer.start(binary, Path.of("target", "stripe-mock-conformance.log"));
        emulator = StripeEmulator.start(StripeEmulatorOptions.defaults());
        mock = Target.at("stripe-mock", stripeMock.baseUrl());
        emulated = Target.at("the emulator", emulator.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (emulator != null) {
            emulator.close();
        }
        if (stripeMock != null) {
            stripeMock.close();
        }
    }

    @Test
    void createsCheckoutSessionWithEveryParameterTheEngineSends() {
        CheckoutSessionRequest request = sessionRequest();

        CheckoutSessionState judged = accepted(
                mock, "create a Checkout Session", () -> mock.sessions().create(request));

        RecordingHttpClient.Exchange sent = mock.wire().last();
        assertThat(sent.path()).isEqualTo("/v1/checkout/sessions");
        assertThat(sent.idempotencyKey()).isEqualTo(StripeCheckoutSessions.createKey(request.orderId()));
        // What stripe-mock has just judged: every parameter the engine uses, two line items' worth.
        assertThat(sent.parameters())
                .containsKeys(
                        "mode",
                        "client_reference_id",
                        "metadata[order_id]",
                        "payment_intent_data[metadata][order_id]",
                        "customer_email",
                        "expires_at",
                        "success_url",
                        "cancel_url",
                        "line_items[0][quantity]",
                        "line_items[0][price_data][currency]",
                        "line_items[0][price_data][unit_amount]",
                        "line_items[0][price_data][product_data][name]",
                        "line_items[1][quantity]",
                        "line_items[1][price_data][product_data][name]");
        assertThat(sent.parameters()).containsEntry("mode", "payment");
        assertThat(judged.id()).startsWith("cs_");

        CheckoutSessionState emulatedState = accepted(
                emulated, "create a Checkout Session", () -> emulated.sessions().create(request));
        assertThat(emulatedState.isOpen()).isTrue();
        assertSameShape(new ObjectShapeComparison(
                "checkout.session from create", Session.class, SESSION_READS, PAYMENT_INTENT_NOT_YET));
    }

    @Test
    void retrievesCheckoutSession() {
        String mockSessionId = accepted(mock, "create", () -> mock.sessions().create(sessionRequest()))
                .id();
        accepted(mock, "retrieve a Checkout Session", () -> mock.sessions().retrieve(mockSessionId));
        assertThat(mock.wire().last().path()).isEqualTo("/v1/checkout/sessions/" + mockSessionId);

        // The engine retrieves sessions to learn whether they were paid: compare a paid one.
        String paidSessionId = emulatedPaidSession().id();
        CheckoutSessionState emulatedState = accepted(
                emulated,
                "retrieve a Checkout Session",
                () -> emulated.sessions().retrieve(paidSessionId));
        assertThat(emulatedState.isPaid()).isTrue();
        assertSameShape(new ObjectShapeComparison(
                "checkout.session from retrieve (paid)", Session.class, SESSION_READS, URL_GONE));
    }

    @Test
    void expiresCheckoutSession() {
        String orderId = OrderReference.random();
        String mockSessionId = accepted(mock, "create", () -> mock.sessions().create(sessionRequest(orderId)))
                .id();
        accepted(mock, "expire a Checkout Session", () -> mock.sessions().expire(orderId, mockSessionId));
        RecordingHttpClient.Exchange sent = mock.wire().last();
        assertThat(sent.path()).isEqualTo("/v1/checkout/sessions/" + mockSessionId + "/expire");
        assertThat(sent.idempotencyKey()).isEqualTo("order-" + orderId + "-expire-session");

        String emulatedSessionId = accepted(
                        emulated, "create", () -> emulated.sessions().create(sessionRequest(orderId)))
                .id();
        CheckoutSessionState emulatedState = accepted(
                emulated, "expire a Checkout Session", () -> emulated.sessions().expire(orderId, emulatedSessionId));
        assertThat(emulatedState.status()).isEqualTo("expired");
        Map<String, String> neverPaidNorOpen = new HashMap<>(URL_GONE);
        neverPaidNorOpen.putAll(PAYMENT_INTENT_NOT_YET);
        assertSameShape(new ObjectShapeComparison(
                "checkout.session from expire", Session.class, SESSION_READS, neverPaidNorOpen));
    }

    @Test
    void refundsPaymentInFull() {
        String orderId = OrderReference.random();
        String paymentIntentId = "pi_3ConformanceMock";
        String reason = "payment " + paymentIntentId + " arrived after the order was expired (event evt_1)";
        RefundRecord judged =
                accepted(mock, "create a refund", () -> mock.refunds().refundInFull(orderId, paymentIntentId, reason));
        RecordingHttpClient.Exchange sent = mock.wire().last();
        assertThat(sent.path()).isEqualTo("/v1/refunds");
        assertThat(sent.idempotencyKey()).isEqualTo(StripeRefunds.refundKey(orderId, paymentIntentId));
        assertThat(sent.parameters())
                .containsOnlyKeys("payment_intent", "metadata[order_id]", "metadata[engine_reason]");
        assertThat(judged.stripeRefundId()).startsWith("re_");

        String emulatedIntent = emulatedPaidSession().paymentIntentId();
        RefundRecord emulatedRefund = accepted(
                emulated, "create a refund", () -> emulated.refunds().refundInFull(orderId, emulatedIntent, reason));
        assertThat(emulatedRefund.amount()).isEqualByComparingTo(new BigDecimal("46.50"));
        assertSameShape(new ObjectShapeComparison("refund from create", Refund.class, REFUND_READS, Map.of()));
    }

    @Test
    void listsTheRefundsOfAPaymentIntent() {
        String mockIntent = "pi_3ConformanceMock";
        Optional<RefundRecord> judged =
                accepted(mock, "list refunds", () -> mock.refunds().latestRefund(mockIntent, "already refunded"));
        RecordingHttpClient.Exchange sent = mock.wire().last();
        assertThat(sent.method()).isEqualTo("GET");
        assertThat(sent.path()).isEqualTo("/v1/refunds");
        assertThat(sent.parameters()).containsOnly(Map.entry("payment_intent", mockIntent), Map.entry("limit", "1"));
        assertThat(judged).isPresent();

        String emulatedIntent = emulatedPaidSession().paymentIntentId();
        accepted(
                emulated,
                "create a refund",
                () -> emulated.refunds().refundInFull(OrderReference.random(), emulatedIntent, "test"));
        Optional<RefundRecord> emulatedLatest = accepted(
                emulated, "list refunds", () -> emulated.refunds().latestRefund(emulatedIntent, "already refunded"));
        assertThat(emulatedLatest).map(RefundRecord::stripePaymentIntentId).contains(emulatedIntent);

        JsonObject mockList = mock.lastAnswer();
        JsonObject emulatedList = emulated.lastAnswer();
        List<String> listProblems = new ArrayList<>();
        for (String field : LIST_READS) {
            if (!emulatedList.has(field) || emulatedList.get(field).isJsonNull()) {
                listProblems.add(field + ": missing or null in the emulator's list");
            }
        }
        assertThat(listProblems)
                .as("the emulator's refund list against Stripe's")
                .isEmpty();
        assertThat(emulatedList.get("object").getAsString())
                .isEqualTo(mockList.get("object").getAsString());
        assertThat(mockList.getAsJsonArray("data"))
                .as("stripe-mock's fixture list")
                .isNotEmpty();
        assertThat(emulatedList.getAsJsonArray("data"))
                .as("the emulator's list")
                .isNotEmpty();
        assertSameShape(
                new ObjectShapeComparison("refund in a list", Refund.class, REFUND_READS, Map.of()),
                mockList.getAsJsonArray("data").get(0).getAsJsonObject(),
                emulatedList.getAsJsonArray("data").get(0).getAsJsonObject());
    }

    /**
     * Not a call the engine makes (it keeps the refund it created, and lists when it has lost it); the emulator
     * serves it, so its answer is held against Stripe's too. Raw stripe-java, since no engine class sends it.
     */
    @Test
    void retrievesRefundThoughTheEngineDoesNot() {
        accepted(mock, "retrieve a refund", () -> mock.client().v1().refunds().retrieve("re_3ConformanceMock"));
        assertThat(mock.wire().last().path()).isEqualTo("/v1/refunds/re_3ConformanceMock");

        String emulatedIntent = emulatedPaidSession().paymentIntentId();
        String refundId = accepted(
                        emulated,
                        "create a refund",
                        () -> emulated.refunds().refundInFull(OrderReference.random(), emulatedIntent, "test"))
                .stripeRefundId();
        accepted(
                emulated,
                "retrieve a refund",
                () -> emulated.client().v1().refunds().retrieve(refundId));
        assertSameShape(new ObjectShapeComparison("refund from retrieve", Refund.class, REFUND_READS, Map.of()));
    }

    /** Proves the judge judges: a parameter and a value outside Stripe's spec are refused, as engine ones would be. */
    @Test
    void stripeMockRefusesWhatStripesSpecDoesNotAllow() {
        SessionCreateParams unknownParameter = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl(SITE_URL + "/checkout/success")
                .putExtraParam("order_reference", "not-a-stripe-parameter")
                .build();
        assertThatThrownBy(() -> mock.client().v1().checkout().sessions().create(unknownParameter))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        refused -> assertThat(refused.getStatusCode()).isEqualTo(400))
                .hasMessageContaining("additional properties are not allowed");
        assertThat(mock.wire().last().status()).isEqualTo(400);

        // Stripe's refund reason is an enum; the engine's free-text reason goes into metadata for this reason.
        RefundCreateParams reasonOutsideTheEnum = RefundCreateParams.builder()
                .setPaymentIntent("pi_3ConformanceMock")
                .putExtraParam("reason", "order_expired")
                .build();
        assertThatThrownBy(() -> mock.client().v1().refunds().create(reasonOutsideTheEnum))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        refused -> assertThat(refused.getStatusCode()).isEqualTo(400));
        assertThat(mock.wire().last().parameters()).containsEntry("reason", "order_expired");
    }

    private static CheckoutSessionRequest sessionRequest() {
        return sessionRequest(OrderReference.random());
    }

    /** Two lines, an email and a deadline: every optional parameter the engine can send is sent. */
    private static CheckoutSessionRequest sessionRequest(String orderId) {
        List<PricedLine> lines = List.of(
                PricedLine.of(1, "Espresso cup", 2, new BigDecimal("12.50"), "usd"),
                PricedLine.of(2, "Grinder \"Kyoto\" & brush", 1, new BigDecimal("21.50"), "usd"));
        long expiresAt = Instant.now().plusSeconds(3600).getEpochSecond();
        return new CheckoutSessionRequest(orderId, "buyer@example.com", "usd", lines, expiresAt);
    }

    /** A session the engine created on the emulator, paid by the (emulated) customer. */
    private static CheckoutSessionState emulatedPaidSession() {
        String sessionId = accepted(
                        emulated, "create", () -> emulated.sessions().create(sessionRequest()))
                .id();
        emulator.completeCheckoutSession(sessionId);
        return accepted(emulated, "retrieve", () -> emulated.sessions().retrieve(sessionId));
    }

    private static <T> T accepted(Target target, String what, StripeCall<T> call) {
        try {
            return call.call();
        } catch (StripeException e) {
            return fail(
                    target.name() + " refused to " + what + " as the engine sends it (HTTP " + e.getStatusCode() + "): "
                            + e.getMessage() + "; last request: "
                            + target.wire().lastOrNone(),
                    e);
        }
    }

    /** Compares the last answers of stripe-mock and the emulator. */
    private static void assertSameShape(ObjectShapeComparison comparison) {
        assertSameShape(comparison, mock.lastAnswer(), emulated.lastAnswer());
    }

    private static void assertSameShape(
            ObjectShapeComparison comparison, JsonObject mockAnswer, JsonObject emulatorAnswer) {
        ObjectShapeComparison.Result result = comparison.compare(mockAnswer, emulatorAnswer);
        // Differences the engine does not depend on are shown, not asserted, so the report lists them.
        result.notes().forEach(note -> System.out.println("[conformance] " + comparison.what() + ": " + note));
        assertThat(result.problems())
                .as(
                        "the emulator's %s against Stripe's (stripe-mock), in the fields the engine reads:%n  %s",
                        comparison.what(), String.join("\n  ", result.problems()))
                .isEmpty();
    }
}
