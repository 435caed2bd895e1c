package com.orderengine.order.activities;

import com.orderengine.mail.OutgoingMail;
import com.orderengine.mail.OutgoingMailDao;
import com.orderengine.order.OrderLine;
import com.orderengine.order.OrderMetrics;
import com.orderengine.order.OrderStatus;
import com.orderengine.order.PricedLine;
import com.orderengine.order.PricedOrder;
import com.orderengine.order.db.OrderDao;
import com.orderengine.order.db.OrderItemRecord;
import com.orderengine.order.db.OrderRecord;
import com.orderengine.order.db.RefundDao;
import com.orderengine.order.db.RefundRecord;
import com.orderengine.order.db.StatusMove;
import com.orderengine.order.stripe.CheckoutSessionRequest;
import com.orderengine.order.stripe.CheckoutSessionState;
import com.orderengine.order.stripe.StripeCheckoutSessions;
import com.orderengine.order.stripe.StripeRefunds;
import com.orderengine.product.db.Product;
import com.orderengine.product.db.ProductDao;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class OrderActivitiesImpl implements OrderActivities {

    private static final Logger log = LoggerFactory.getLogger(OrderActivitiesImpl.class);

    /** On-demand DAOs are thread-safe, and building one costs reflection: made once, shared by every call. */
    private final OrderDao orders;

    private final ProductDao products;
    private final RefundDao recordedRefunds;
    private final StripeCheckoutSessions checkoutSessions;
    private final StripeRefunds refunds;
    private final OrderMetrics metrics;
    private final OutgoingMailDao outbox;
    private final OrderMails mails;

    public OrderActivitiesImpl(
            Jdbi jdbi,
            StripeCheckoutSessions checkoutSessions,
            StripeRefunds refunds,
            OrderMetrics metrics,
            OrderMails mails) {
        this.orders = jdbi.onDemand(OrderDao.class);
        this.products = jdbi.onDemand(ProductDao.class);
        this.recordedRefunds = jdbi.onDemand(RefundDao.class);
        this.outbox = jdbi.onDemand(OutgoingMailDao.class);
        this.checkoutSessions = checkoutSessions;
        this.refunds = refunds;
        this.metrics = metrics;
        this.mails = mails;
    }

    @Override
    public OpenedCheckout openCheckout(CheckoutSetup setup) {
        NewOrder order = setup.order();
        PricedOrder priced = createOrder(order);
        CheckoutSessionState session = createCheckoutSession(new CheckoutSessionRequest(
                order.orderId(),
                order.email(),
                priced.currency(),
                priced.lines(),
                setup.sessionExpiresAtEpochSecond()));
        recordCheckoutSession(order.orderId(), session);
        return new OpenedCheckout(priced, session);
    }

    /**
     * Prices and inserts in one statement; only when the reference is taken (a retry, or a concurrent attempt that
     * won) is the stored order read back. Looking first would cost every new order a query to find nothing.
     * This and the next two are openCheckout's steps; tests call them to leave an order without a workflow.
     */
    public PricedOrder createOrder(NewOrder order) {
        PricedOrder priced;
        try {
            priced = price(order);
        } catch (ApplicationFailure refused) {
            // A product repriced past the payment limit after an earlier attempt stored the order: that order
            // stands, as it was priced when the customer checked out.
            return storedOrder(order.orderId()).orElseThrow(() -> refused);
        }
        if (orders.createOrder(
                        order.orderId(),
                        order.email(),
                        order.userId(),
                        order.currency(),
                        priced.total(),
                        priced.lines())
                .isPresent()) {
            return priced;
        }
        return storedOrder(order.orderId())
                .orElseThrow(() -> new IllegalStateException("order " + order.orderId() + " vanished after insert"));
    }

    /** Creates the Checkout Session under an idempotency key derived from the order, so retries never create two. */
    public CheckoutSessionState createCheckoutSession(CheckoutSessionRequest request) {
        return callStripe(() -> checkoutSessions.create(request));
    }

    public void recordCheckoutSession(String orderId, CheckoutSessionState session) {
        orders.recordCheckoutSession(
                orderId, session.id(), session.url(), Instant.ofEpochSecond(session.expiresAtEpochSecond()));
    }

    @Override
    public CheckoutSessionState retrieveCheckoutSession(String sessionId) {
        return callStripe(() -> checkoutSessions.retrieve(sessionId));
    }

    @Override
    public CheckoutSessionState expireCheckoutSession(String orderId, String sessionId) {
        try {
            return checkoutSessions.expire(orderId, sessionId);
        } catch (InvalidRequestException e) {
            // No longer open (paid, or expired by Stripe meanwhile): report where it stands instead.
            log.info("Session {} could not be expired ({}); reading its state", sessionId, e.getMessage());
            return retrieveCheckoutSession(sessionId);
        } catch (StripeException e) {
            throw asFailure(e);
        }
    }

    @Override
    public StoredOrder loadOrder(String orderId) {
        Optional<OrderRecord> record = orders.findByReference(orderId);
        if (record.isEmpty()) {
            return null;
        }
        OrderRecord order = record.get();
        CheckoutSessionState session = order.stripeSessionId() == null
                ? null
                : new CheckoutSessionState(
                        order.stripeSessionId(),
                        order.stripeSessionUrl(),
                        null,
                        null,
                        order.stripePaymentIntentId(),
                        null,
                        order.currency(),
                        order.stripeSessionExpiresAt() == null
                                ? 0
                                : order.stripeSessionExpiresAt().getEpochSecond());
        return new StoredOrder(storedOrder(orderId).orElseThrow(), order.status(), session);
    }

    @Override
    public RefundRecord refundPayment(RefundRequest request) {
        Optional<RefundRecord> earlier = recordedRefunds.findByPaymentIntent(request.paymentIntentId());
        if (earlier.isPresent()) {
            log.info(
                    "Order {}: payment {} was already refunded ({})",
                    request.orderId(),
                    request.paymentIntentId(),
                    earlier.get().stripeRefundId());
            return earlier.get();
        }
        RefundRecord refund;
        try {
            refund = refunds.refundInFull(request.orderId(), request.paymentIntentId(), request.reason());
        } catch (InvalidRequestException e) {
            if (!StripeRefunds.ALREADY_REFUNDED.equals(e.getCode())) {
                throw asFailure(e);
            }
            // Refunded at Stripe but not recorded here (an idempotency key older than Stripe keeps them): record it.
            refund = findLatestRefund(request, e);
        } catch (StripeException e) {
            throw asFailure(e);
        }
        boolean inserted = recordedRefunds.record(request.orderId(), refund);
        if (inserted) {
            metrics.refundIssued();
        }
        log.warn(
                "Order {}: refunded {} {} of payment {} ({}): {}{}",
                request.orderId(),
                refund.amount().toPlainString(),
                refund.currency(),
                request.paymentIntentId(),
                refund.stripeRefundId(),
                request.reason(),
                inserted ? "" : " (already recorded)");
        return refund;
    }

    private RefundRecord findLatestRefund(RefundRequest request, InvalidRequestException alreadyRefunded) {
        try {
            return refunds.latestRefund(request.paymentIntentId(), request.reason())
                    .orElseThrow(() -> asFailure(alreadyRefunded));
        } catch (StripeException e) {
            throw asFailure(e);
        }
    }

    @Override
    public boolean changeStatus(StatusChange change) {
        Optional<StatusMove> moved = orders.transition(
                change.orderId(), change.to(), change.detail(), change.stripeEventId(), change.paymentIntentId());
        log.info(
                "Order {} -> {}: {}{}",
                change.orderId(),
                change.to().value(),
                change.detail(),
                moved.isPresent() ? "" : " (already applied)");
        moved.ifPresent(row -> count(change, row));
        return moved.isPresent();
    }

    @Override
    public boolean mailConfirmation(String orderId) {
        OrderRecord order = orders.findByReference(orderId)
                .orElseThrow(() -> new IllegalStateException("order " + orderId + " is not stored"));
        return addMail(orderId, mails.confirmation(order, orders.findItems(order.id())));
    }

    @Override
    public boolean mailLateRefund(String orderId, RefundRecord refund) {
        OrderRecord order = orders.findByReference(orderId)
                .orElseThrow(() -> new IllegalStateException("order " + orderId + " is not stored"));
        return addMail(orderId, mails.lateRefund(order, refund));
    }

    private boolean addMail(String orderId, OutgoingMail mail) {
        boolean added = outbox.add(mail);
        log.info(
                "Order {}: mail {} <{}> {}",
                orderId,
                mail.kind(),
                mail.messageId(),
                added ? "added to the outgoing mail" : "was added before");
        return added;
    }

    /** Counted only when the row moved, so a retried or replayed change is never counted twice. */
    private void count(StatusChange change, StatusMove row) {
        metrics.orderFinished(change.to());
        if (change.to() == OrderStatus.PAID) {
            if (change.stripeEventId() == null) {
                metrics.reconciliationCorrection(change.to());
            }
            metrics.checkoutToPaid(Duration.between(row.createdAt(), row.paidAt()));
        }
    }

    private PricedOrder price(NewOrder order) {
        int[] ids = order.lines().stream().mapToInt(OrderLine::productId).toArray();
        Map<Integer, Product> byId =
                products.findByIds(ids).stream().collect(Collectors.toMap(Product::id, Function.identity()));
        List<PricedLine> lines = new ArrayList<>();
        for (OrderLine line : order.lines()) {
            Product product = byId.get(line.productId());
            if (product == null) {
                throw ApplicationFailure.newNonRetryableFailure(
                        "product " + line.productId() + " does not exist", "UnknownProduct");
            }
            lines.add(PricedLine.of(product.id(), product.name(), line.quantity(), product.price(), order.currency()));
        }
        return priced(order.orderId(), order.currency(), lines);
    }

    private Optional<PricedOrder> storedOrder(String orderId) {
        Optional<OrderRecord> stored = orders.findByReference(orderId);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        OrderRecord record = stored.get();
        List<PricedLine> lines = new ArrayList<>();
        for (OrderItemRecord item : orders.findItems(record.id())) {
            lines.add(PricedLine.of(
                    item.productId(), item.productName(), item.quantity(), item.price(), record.currency()));
        }
        return Optional.of(priced(orderId, record.currency(), lines));
    }

    private static PricedOrder priced(String orderId, String currency, List<PricedLine> lines) {
        PricedOrder order = PricedOrder.of(orderId, currency, lines);
        if (order.exceedsMaximumPayment()) {
            throw ApplicationFailure.newNonRetryableFailure(
                    "order total " + order.total().toPlainString() + " exceeds the maximum payment", "OrderTooLarge");
        }
        return order;
    }

    private interface StripeCall {
        CheckoutSessionState call() throws StripeException;
    }

    private static CheckoutSessionState callStripe(StripeCall call) {
        try {
            return call.call();
        } catch (StripeException e) {
            throw asFailure(e);
        }
    }

    /**
     * Outages, rate limits and 5xx are retried by Temporal with the same idempotency key; a request Stripe
     * rejects as invalid would be rejected again, so it fails the activity for good.
     */
    private static RuntimeException asFailure(StripeException e) {
        String message = "Stripe: " + e.getMessage();
        if (e instanceof ApiConnectionException
                || e instanceof RateLimitException
                || e instanceof ApiException
                || (e.getStatusCode() != null && e.getStatusCode() >= 500)) {
            return ApplicationFailure.newFailure(message, e.getClass().getSimpleName());
        }
        return ApplicationFailure.newNonRetryableFailure(message, e.getClass().getSimpleName());
    }
}
