package com.orderengine.order.workflow;

import com.orderengine.order.OrderLine;
import com.orderengine.order.OrderMetrics;
import com.orderengine.order.OrderReference;
import com.orderengine.order.PricedOrder;
import com.orderengine.order.activities.NewOrder;
import com.orderengine.order.activities.OrderActivitiesImpl;
import com.orderengine.order.activities.OrderMails;
import com.orderengine.order.stripe.CheckoutSessionRequest;
import com.orderengine.order.stripe.CheckoutSessionState;
import com.orderengine.order.stripe.StripeCheckoutSessions;
import com.orderengine.order.stripe.StripeRefunds;
import com.orderengine.stripeemulator.StripeEmulator;
import com.orderengine.stripeemulator.StripeEmulatorOptions;
import com.orderengine.testing.TestPostgres;
import com.orderengine.testing.TestPostgres.TestDatabase;
import com.stripe.StripeClient;
import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.util.Duration;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.temporal.testing.TestWorkflowExtension;
import java.util.List;

/**
 * Real parts for the workflow layer: embedded PostgreSQL, the Stripe emulator reached over HTTP by stripe-java,
 * and Temporal's time-skipping test server.
 */
final class OrderWorkflowFixture {

    static final String SITE_URL = "http://shop.test";
    static final String SHOP_NAME = "Test Shop";
    static final String MAIL_DOMAIN = "shop.test";

    /** The engine's meters and, through the SDK's metrics scope, the workflows' ones. */
    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    final OrderMetrics orderMetrics = new OrderMetrics(metrics);
    final TestDatabase database = TestPostgres.newDatabase();
    final StripeEmulator stripe = StripeEmulator.start(StripeEmulatorOptions.defaults());
    final StripeClient stripeClient = StripeClient.builder()
            .setApiKey("sk_test_workflow")
            .setApiBase(stripe.baseUrl())
            .setReadTimeout(2_000)
            .build();
    final StripeCheckoutSessions checkoutSessions = new StripeCheckoutSessions(
            stripeClient, SITE_URL + "/checkout/success?session_id={CHECKOUT_SESSION_ID}", SITE_URL + "/cart");
    final OrderActivitiesImpl activities = new OrderActivitiesImpl(
            database.jdbi(),
            checkoutSessions,
            new StripeRefunds(stripeClient),
            orderMetrics,
            new OrderMails(SHOP_NAME, SITE_URL, MAIL_DOMAIN));

    TestWorkflowExtension extension() {
        return extension(OrderWorkflowImpl.class);
    }

    /** With {@code workflow} as the order workflow's implementation: a subclass of {@link OrderWorkflowImpl}. */
    TestWorkflowExtension extension(Class<? extends OrderWorkflowImpl> workflow) {
        return TestWorkflowExtension.newBuilder()
                .setMetricsScope(new RootScopeBuilder()
                        .reporter(new MicrometerClientStatsReporter(metrics))
                        .reportEvery(Duration.ofMillis(10)))
                .registerSearchAttribute("OrderId", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
                .registerSearchAttribute("OrderStatus", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
                .setWorkflowTypes(workflow)
                .setActivityImplementations(activities)
                .build();
    }

    /**
     * An order and its open session (expiring an hour after {@code nowEpochSecond}) as a workflow leaves them, but
     * with no workflow running: what recovery has to find.
     */
    String storedOrderWithoutWorkflow(long nowEpochSecond) {
        String orderId = OrderReference.random();
        PricedOrder priced =
                activities.createOrder(new NewOrder(orderId, "lost@example.com", "usd", List.of(new OrderLine(2, 1))));
        CheckoutSessionState session = activities.createCheckoutSession(
                new CheckoutSessionRequest(orderId, "lost@example.com", "usd", priced.lines(), nowEpochSecond + 3600));
        activities.recordCheckoutSession(orderId, session);
        return orderId;
    }

    static OrderInput input(String orderId, List<OrderLine> lines) {
        return new OrderInput(orderId, "buyer@example.com", "usd", lines, 3600, "fingerprint-" + orderId);
    }
}
