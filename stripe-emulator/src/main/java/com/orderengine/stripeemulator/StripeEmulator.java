package com.orderengine.stripeemulator;

import com.orderengine.stripeemulator.api.OperationInvoker;
import com.orderengine.stripeemulator.api.StripeApi;
import com.orderengine.stripeemulator.checkout.CheckoutSession;
import com.orderengine.stripeemulator.checkout.HostedCheckoutHandler;
import com.orderengine.stripeemulator.event.StripeEvent;
import com.orderengine.stripeemulator.fault.FaultInjector;
import com.orderengine.stripeemulator.fault.StripeOperation;
import com.orderengine.stripeemulator.http.EmulatorServer;
import com.orderengine.stripeemulator.http.Router;
import com.orderengine.stripeemulator.logging.ActionLog;
import com.orderengine.stripeemulator.logging.LogTagger;
import com.orderengine.stripeemulator.operator.OperatorHandler;
import com.orderengine.stripeemulator.operator.OperatorSettings;
import com.orderengine.stripeemulator.refund.Refund;
import com.orderengine.stripeemulator.webhook.DeliveryStatus;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * A local Stripe: an HTTP server speaking the part of Stripe's API that the order engine uses, reachable
 * by the real stripe-java client ({@code StripeClient.builder().setApiBase(emulator.baseUrl())}); a hosted
 * checkout page at each session's {@code url}; refunds of paid sessions; signed webhook delivery with
 * retries; an operator page at {@code /_emulator/}; and a Java API to inspect state, act as the customer
 * or the dashboard, and inject faults.
 *
 * <p>Each API request, webhook delivery, hosted page, operator and Java API action is logged, tagged by the
 * {@link StripeEmulatorOptions#logTagger()} with the caller's context for the object it concerns.
 */
public final class StripeEmulator implements AutoCloseable {

    private final EmulatorServer server;
    private final String baseUrl;
    private final EmulatorCore core;
    private final ActionLog actions;

    private StripeEmulator(EmulatorServer server, String baseUrl, EmulatorCore core, LogTagger tagger) {
        this.server = server;
        this.baseUrl = baseUrl;
        this.core = core;
        this.actions = new ActionLog(LoggerFactory.getLogger(StripeEmulator.class), "Java API", tagger);
    }

    public static StripeEmulator start() {
        return start(StripeEmulatorOptions.defaults());
    }

    /**
     * Binds, restores the state saved in {@link StripeEmulatorOptions#dataDirectory()} if any, and serves.
     * Deliveries left unfinished by the previous run are tried again at once.
     */
    public static StripeEmulator start(StripeEmulatorOptions options) {
        Objects.requireNonNull(options, "options");
        EmulatorServer server = EmulatorServer.bind(options.host(), options.port());
        EmulatorCore core = null;
        try {
            String baseUrl = "http://" + hostForUrl(options.host()) + ":" + server.port();
            String hostedPageBase = options.publicBaseUrl() != null ? options.publicBaseUrl() : baseUrl;
            core = EmulatorCore.open(options, hostedPageBase);
            LogTagger tagger = options.logTagger();
            OperatorSettings settings = new OperatorSettings(
                    baseUrl,
                    options.webhookUrl(),
                    options.apiVersion(),
                    options.dataDirectory() == null
                            ? null
                            : options.dataDirectory().toString());
            Router router = new Router();
            new StripeApi(router, new OperationInvoker(core.faults, core.idempotency, core.counters), tagger)
                    .withCheckoutSessions(core.sessions, core.sessionParams, core.labels)
                    .withRefunds(core.refunds, core.labels)
                    .withEvents(core.events, core.labels);
            new HostedCheckoutHandler(core.sessions, core.payments, tagger).registerOn(router);
            new OperatorHandler(
                            core.sessions,
                            core.refunds,
                            core.events,
                            core.deliveryLog,
                            core.deliveries,
                            settings,
                            core.labels,
                            tagger)
                    .registerOn(router);
            server.serve(router);
            return new StripeEmulator(server, baseUrl, core, tagger);
        } catch (RuntimeException e) {
            server.close();
            if (core != null) {
                core.close();
            }
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

    /** The operator page listing sessions, events and deliveries. */
    public String operatorPageUrl() {
        return baseUrl + "/_emulator/";
    }

    public FaultInjector faults() {
        return core.faults;
    }

    /** Sessions really created by this run; idempotent replays, failed requests and restored sessions do not count. */
    public int checkoutSessionsCreated() {
        return core.sessions.createdCount();
    }

    /** Every request that reached {@code op}, including faulted and replayed ones. */
    public int requestCount(StripeOperation op) {
        return core.counters.count(Objects.requireNonNull(op, "op"));
    }

    /** All sessions in creation order. */
    public List<CheckoutSessionView> checkoutSessions() {
        return core.sessions.list().stream().map(this::view).toList();
    }

    public Optional<CheckoutSessionView> checkoutSession(String id) {
        return core.sessions.find(id).map(this::view);
    }

    /**
     * Does what a customer paying by card on the hosted page does: the session becomes {@code complete}
     * and {@code paid} with a new {@code pi_…} PaymentIntent charged in full (a {@code ch_…} charge, which
     * can be refunded), and {@code checkout.session.completed} is sent to the webhook URL if one is configured.
     *
     * @throws IllegalStateException    unless the session is {@code open}
     * @throws IllegalArgumentException if there is no such session
     */
    public CheckoutSessionView completeCheckoutSession(String id) {
        return view(onSession("pay", id, () -> core.payments.pay(id, null)));
    }

    /**
     * Pays with a delayed method (a bank debit): the session becomes {@code complete} but {@code unpaid},
     * and {@code checkout.session.completed} is sent. Settle or fail it later.
     *
     * @throws IllegalStateException    unless the session is {@code open}
     * @throws IllegalArgumentException if there is no such session
     */
    public CheckoutSessionView payLater(String id) {
        return view(onSession("pay-later", id, () -> core.payments.payLater(id, null)));
    }

    /**
     * The delayed payment arrives: {@code payment_status} becomes {@code paid}, the PaymentIntent gets its
     * {@code ch_…} charge and {@code checkout.session.async_payment_succeeded} is sent.
     *
     * @throws IllegalStateException unless the session awaits a delayed payment
     */
    public CheckoutSessionView settleAsyncPayment(String id) {
        return view(onSession("settle", id, () -> core.payments.settleAsyncPayment(id)));
    }

    /**
     * The delayed payment fails: {@code payment_status} stays {@code unpaid} and
     * {@code checkout.session.async_payment_failed} is sent.
     *
     * @throws IllegalStateException unless the session awaits a delayed payment
     */
    public CheckoutSessionView failAsyncPayment(String id) {
        return view(onSession("fail", id, () -> core.payments.failAsyncPayment(id)));
    }

    /**
     * What {@code POST /v1/checkout/sessions/{id}/expire} does, {@code checkout.session.expired} included.
     *
     * @throws IllegalStateException unless the session is {@code open}
     */
    public CheckoutSessionView expireCheckoutSession(String id) {
        return view(onSession("expire", id, () -> core.sessions.expire(id)));
    }

    /** Every refund in creation order (the API lists them newest first). */
    public List<RefundView> refunds() {
        return core.refunds.all().stream().map(RefundView::of).toList();
    }

    /** The refunds of one PaymentIntent in creation order; empty for an unknown one. */
    public List<RefundView> refundsForPaymentIntent(String paymentIntentId) {
        Objects.requireNonNull(paymentIntentId, "paymentIntentId");
        return core.refunds.all().stream()
                .filter(refund -> refund.paymentIntent().equals(paymentIntentId))
                .map(RefundView::of)
                .toList();
    }

    /**
     * Does what "Refund payment" in Stripe's dashboard does: refunds all that is left of the
     * PaymentIntent's charge, and sends {@code charge.refunded} and {@code refund.created}.
     *
     * @throws IllegalArgumentException if there is no such PaymentIntent
     * @throws IllegalStateException    if it has no succeeded charge (a delayed payment not settled) or
     *                                  has been refunded in full already
     */
    public RefundView refundPayment(String paymentIntentId) {
        Objects.requireNonNull(paymentIntentId, "paymentIntentId");
        Refund refund = actions.run(
                "refund",
                paymentIntentId,
                core.labels.ofPaymentIntent(paymentIntentId),
                () -> core.refunds.refundInFull(paymentIntentId),
                done -> done.id() + " of " + done.amount() + " " + done.currency() + " from " + done.charge());
        return RefundView.of(refund);
    }

    /** Every event in creation order (the API lists them newest first). */
    public List<EventView> events() {
        return core.events.all().stream().map(EventView::of).toList();
    }

    public Optional<EventView> event(String id) {
        return core.events.find(id).map(EventView::of);
    }

    /** Every webhook delivery attempt in the order made. */
    public List<DeliveryAttemptView> deliveryAttempts() {
        return core.deliveryLog.all().stream().map(DeliveryAttemptView::of).toList();
    }

    /** Where the event's delivery stands: still trying, delivered, given up, or never sent. */
    public DeliveryStatus deliveryStatus(String eventId) {
        return core.deliveries.status(eventId);
    }

    /**
     * Sends the event again (same id and payload, a fresh signature), with its own retries. Returns at
     * once; see {@link #awaitDeliveries}.
     *
     * @throws IllegalArgumentException if there is no such event
     * @throws IllegalStateException    if no webhook URL is configured
     */
    public void redeliver(String eventId) {
        actions.run(
                "redeliver",
                eventId,
                core.labels.ofEventId(eventId),
                () -> {
                    StripeEvent event = core.events.require(eventId);
                    core.deliveries.redeliver(event);
                    return event;
                },
                event -> event.type() + " scheduled");
    }

    /**
     * Waits until every delivery has settled (delivered, or out of attempts).
     *
     * @return false if some delivery was still under way when {@code timeout} passed
     */
    public boolean awaitDeliveries(Duration timeout) {
        return core.deliveries.awaitIdle(Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * Stops serving and delivering. With a data directory, the state is saved first, so a delivery
     * still retrying is resumed by the next emulator started on that directory.
     */
    @Override
    public void close() {
        server.close();
        core.close();
    }

    /** Acts on a session as the customer or the dashboard would, logged with the session's order. */
    private CheckoutSession onSession(String action, String id, Supplier<CheckoutSession> change) {
        return actions.run(
                action,
                id,
                core.labels.ofSessionId(id),
                change,
                session -> session.status().wireName() + ", "
                        + session.paymentStatus().wireName()
                        + (session.paymentIntent() == null ? "" : ", " + session.paymentIntent()));
    }

    private CheckoutSessionView view(CheckoutSession session) {
        return CheckoutSessionView.of(session, core.refunds.chargeOf(session.paymentIntent()));
    }

    private static String hostForUrl(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
