package com.orderengine.stripeemulator;

import static com.orderengine.stripeemulator.TestStripe.line;
import static com.orderengine.stripeemulator.TestStripe.minimalSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionCreateParams.LineItem;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One emulator for all cases: a rejected request changes no state. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckoutSessionValidationTest {

    private static final Instant NOW = Instant.parse("2030-01-15T10:00:00Z");
    private static final long NOW_SECONDS = NOW.getEpochSecond();

    private final ManualClock clock = new ManualClock(NOW);
    private StripeEmulator emulator;
    private StripeClient stripe;

    @BeforeAll
    void start() {
        emulator = StripeEmulator.start(StripeEmulatorOptions.defaults().withClock(clock));
        stripe = TestStripe.client(emulator);
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                invalid(
                        "missing line_items",
                        "line_items",
                        () -> SessionCreateParams.builder()
                                .setMode(SessionCreateParams.Mode.PAYMENT)
                                .setSuccessUrl("https://shop.example/ok")),
                invalid("101 line items", "line_items", () -> {
                    SessionCreateParams.Builder builder = minimalSession();
                    for (int i = 0; i < 100; i++) {
                        builder.addLineItem(line("Item " + i, 100, 1, "usd"));
                    }
                    return builder;
                }),
                invalid(
                        "quantity 0",
                        "line_items[0][quantity]",
                        () -> SessionCreateParams.builder()
                                .setMode(SessionCreateParams.Mode.PAYMENT)
                                .setSuccessUrl("https://shop.example/ok")
                                .addLineItem(line("Mug", 1999, 0, "usd"))),
                invalid(
                        "quantity over 999999",
                        "line_items[1][quantity]",
                        () -> minimalSession().addLineItem(line("Mug", 1999, 1_000_000, "usd"))),
                invalid(
                        "negative unit_amount",
                        "line_items[1][price_data][unit_amount]",
                        () -> minimalSession().addLineItem(line("Refund?", -1, 1, "usd"))),
                invalid(
                        "blank product name",
                        "line_items[1][price_data][product_data][name]",
                        () -> minimalSession().addLineItem(line("", 100, 1, "usd"))),
                invalid(
                        "bad currency",
                        "line_items[1][price_data][currency]",
                        () -> minimalSession().addLineItem(line("Mug", 100, 1, "dollars"))),
                invalid(
                        "mixed currencies",
                        "line_items[1][price_data][currency]",
                        () -> minimalSession().addLineItem(line("Mug", 100, 1, "eur"))),
                invalid(
                        "price id",
                        "line_items[1][price]",
                        () -> minimalSession()
                                .addLineItem(LineItem.builder()
                                        .setPrice("price_123")
                                        .setQuantity(1L)
                                        .build())),
                invalid(
                        "expires_at 10 minutes ahead",
                        "expires_at",
                        () -> minimalSession()
                                .setExpiresAt(
                                        NOW_SECONDS + Duration.ofMinutes(10).toSeconds())),
                invalid(
                        "expires_at 25 hours ahead",
                        "expires_at",
                        () -> minimalSession()
                                .setExpiresAt(NOW_SECONDS + Duration.ofHours(25).toSeconds())),
                invalid(
                        "unknown parameter",
                        "shipping_rates",
                        () -> minimalSession().putExtraParam("shipping_rates", "shr_123")),
                invalid(
                        "missing mode",
                        "mode",
                        () -> SessionCreateParams.builder()
                                .setSuccessUrl("https://shop.example/ok")
                                .addLineItem(line("Mug", 1999, 1, "usd"))),
                invalid(
                        "subscription mode",
                        "mode",
                        () -> minimalSession().setMode(SessionCreateParams.Mode.SUBSCRIPTION)),
                invalid(
                        "missing success_url",
                        "success_url",
                        () -> SessionCreateParams.builder()
                                .setMode(SessionCreateParams.Mode.PAYMENT)
                                .addLineItem(line("Mug", 1999, 1, "usd"))),
                invalid(
                        "relative success_url",
                        "success_url",
                        () -> minimalSession().setSuccessUrl("/ok")),
                invalid("bad email", "customer_email", () -> minimalSession().setCustomerEmail("not-an-email")),
                invalid(
                        "long client_reference_id",
                        "client_reference_id",
                        () -> minimalSession().setClientReferenceId("x".repeat(201))),
                invalid("long metadata key", "metadata", () -> minimalSession().putMetadata("k".repeat(41), "v")),
                invalid("51 metadata keys", "metadata", () -> {
                    SessionCreateParams.Builder builder = minimalSession();
                    for (int i = 0; i < 51; i++) {
                        builder.putMetadata("key" + i, "v");
                    }
                    return builder;
                }),
                invalid(
                        "long payment intent metadata value",
                        "payment_intent_data[metadata]",
                        () -> minimalSession()
                                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                                        .putMetadata("order_id", "v".repeat(501))
                                        .build())),
                invalid(
                        "unsupported payment_intent_data field",
                        "payment_intent_data[capture_method]",
                        () -> minimalSession()
                                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                                        .setCaptureMethod(SessionCreateParams.PaymentIntentData.CaptureMethod.MANUAL)
                                        .build())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void rejectsLikeStripe(String description, String expectedParam, Supplier<SessionCreateParams.Builder> params) {
        int before = emulator.checkoutSessionsCreated();

        assertThatThrownBy(() ->
                        stripe.v1().checkout().sessions().create(params.get().build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getParam()).isEqualTo(expectedParam);
                    assertThat(e.getStripeError().getType()).isEqualTo("invalid_request_error");
                    assertThat(e.getStripeError().getMessage()).isNotBlank();
                });
        assertThat(emulator.checkoutSessionsCreated()).isEqualTo(before);
    }

    @Test
    void namesTheUnknownParameterAndTheMissingOne() {
        assertThatThrownBy(() -> stripe.v1()
                        .checkout()
                        .sessions()
                        .create(minimalSession().putExtraParam("foo", "bar").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStripeError().getMessage()).isEqualTo("Received unknown parameter: foo");
                    assertThat(e.getCode()).isEqualTo("parameter_unknown");
                });
        assertThatThrownBy(() -> stripe.v1()
                        .checkout()
                        .sessions()
                        .create(SessionCreateParams.builder()
                                .setMode(SessionCreateParams.Mode.PAYMENT)
                                .setSuccessUrl("https://shop.example/ok")
                                .build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStripeError().getMessage()).isEqualTo("Missing required param: line_items.");
                    assertThat(e.getCode()).isEqualTo("parameter_missing");
                });
    }

    @Test
    void acceptsTheExpiryWindowBoundariesAndIgnoresExpand() throws StripeException {
        long thirtyMinutes = NOW_SECONDS + Duration.ofMinutes(30).toSeconds();
        long twentyFourHours = NOW_SECONDS + Duration.ofHours(24).toSeconds();

        assertThat(stripe.v1()
                        .checkout()
                        .sessions()
                        .create(minimalSession()
                                .setExpiresAt(thirtyMinutes)
                                .addExpand("payment_intent")
                                .build())
                        .getExpiresAt())
                .isEqualTo(thirtyMinutes);
        assertThat(stripe.v1()
                        .checkout()
                        .sessions()
                        .create(minimalSession().setExpiresAt(twentyFourHours).build())
                        .getExpiresAt())
                .isEqualTo(twentyFourHours);
    }

    @Test
    void addsUpLargeAmountsWithoutOverflow() throws StripeException {
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl("https://shop.example/ok")
                .addLineItem(line("Gold bar", 3_000_000_000L, 999_999, "usd"))
                .build();

        assertThat(stripe.v1().checkout().sessions().create(params).getAmountTotal())
                .isEqualTo(3_000_000_000L * 999_999L);
    }

    private static Arguments invalid(String description, String param, Supplier<SessionCreateParams.Builder> params) {
        return Arguments.of(description, param, params);
    }
}
