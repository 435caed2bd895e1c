package com.orderengine.stripeemulator;

import com.orderengine.stripeemulator.checkout.CheckoutSessionParamsParser;
import com.orderengine.stripeemulator.checkout.CheckoutSessionService;
import com.orderengine.stripeemulator.checkout.CheckoutSessionStore;
import com.orderengine.stripeemulator.fault.FaultPlan;
import com.orderengine.stripeemulator.http.ApiDependencies;
import com.orderengine.stripeemulator.http.ApiServer;
import com.orderengine.stripeemulator.http.OperationCounters;
import com.orderengine.stripeemulator.idempotency.IdempotencyStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A local HTTP server speaking the part of Stripe's API that the order engine uses, reachable by the
 * real stripe-java client ({@code StripeClient.builder().setApiBase(emulator.baseUrl())}), plus a Java
 * API to inspect its state, act as the customer and inject faults.
 */
public final class StripeEmulator implements AutoCloseable {

    private final ApiServer server;
    private final String baseUrl;
    private final CheckoutSessionService checkoutSessions;
    private final OperationCounters counters;
    private final FaultInjector faults;

    private StripeEmulator(ApiServer server, String baseUrl, CheckoutSessionService checkoutSessions,
                           OperationCounters counters, FaultInjector faults) {
        this.server = server;
        this.baseUrl = baseUrl;
        this.checkoutSessions = checkoutSessions;
        this.counters = counters;
        this.faults = faults;
    }

    public static StripeEmulator start() {
        return start(StripeEmulatorOptions.defaults());
    }

    public static StripeEmulator start(StripeEmulatorOptions options) {
        Objects.requireNonNull(options, "options");
        ApiServer server = ApiServer.bind(options.host(), options.port());
        try {
            String baseUrl = "http://" + hostForUrl(options.host()) + ":" + server.port();
            String hostedPageBase = options.publicBaseUrl() != null ? options.publicBaseUrl() : baseUrl;
            FaultPlan faultPlan = new FaultPlan();
            OperationCounters counters = new OperationCounters();
            CheckoutSessionService checkoutSessions =
                    new CheckoutSessionService(new CheckoutSessionStore(), options.clock(), hostedPageBase);
            server.serve(new ApiDependencies(checkoutSessions, new CheckoutSessionParamsParser(options.clock()),
                    faultPlan, new IdempotencyStore(options.clock()), counters));
            return new StripeEmulator(server, baseUrl, checkoutSessions, counters, new FaultInjector(faultPlan));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public int port() {
        return server.port();
    }

    /** Where the API is served, e.g. {@code http://127.0.0.1:54321} (no trailing slash). */
    public String baseUrl() {
        return baseUrl;
    }

    public FaultInjector faults() {
        return faults;
    }

    /** Sessions really created; idempotent replays and failed requests do not count. */
    public int checkoutSessionsCreated() {
        return checkoutSessions.createdCount();
    }

    /** Every request that reached {@code op}, including faulted and replayed ones. */
    public int requestCount(StripeOperation op) {
        return counters.count(Objects.requireNonNull(op, "op"));
    }

    /** All sessions in creation order. */
    public List<CheckoutSessionView> checkoutSessions() {
        return checkoutSessions.list().stream().map(CheckoutSessionView::of).toList();
    }

    public Optional<CheckoutSessionView> checkoutSession(String id) {
        return checkoutSessions.find(id).map(CheckoutSessionView::of);
    }

    /**
     * Does what a customer paying on the hosted page does: the session becomes {@code complete} and
     * {@code paid} with a new {@code pi_…} PaymentIntent. No webhook is sent.
     *
     * @throws IllegalStateException    unless the session is {@code open}
     * @throws IllegalArgumentException if there is no such session
     */
    public CheckoutSessionView completeCheckoutSession(String id) {
        return CheckoutSessionView.of(checkoutSessions.complete(id));
    }

    @Override
    public void close() {
        server.close();
    }

    private static String hostForUrl(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
