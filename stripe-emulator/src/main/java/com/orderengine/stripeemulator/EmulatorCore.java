package com.orderengine.stripeemulator;

import com.orderengine.stripeemulator.api.IdempotencyStore;
import com.orderengine.stripeemulator.api.LabelLookup;
import com.orderengine.stripeemulator.api.OperationCounters;
import com.orderengine.stripeemulator.checkout.CheckoutPayments;
import com.orderengine.stripeemulator.checkout.CheckoutSessionParamsParser;
import com.orderengine.stripeemulator.checkout.CheckoutSessionService;
import com.orderengine.stripeemulator.checkout.CheckoutSessionStore;
import com.orderengine.stripeemulator.checkout.ExpirySweeper;
import com.orderengine.stripeemulator.event.EventPublisher;
import com.orderengine.stripeemulator.event.EventStore;
import com.orderengine.stripeemulator.fault.FaultInjector;
import com.orderengine.stripeemulator.persistence.EmulatorSnapshot;
import com.orderengine.stripeemulator.persistence.SnapshotFile;
import com.orderengine.stripeemulator.persistence.SnapshotWriter;
import com.orderengine.stripeemulator.refund.ChargeRecorder;
import com.orderengine.stripeemulator.refund.ChargeStore;
import com.orderengine.stripeemulator.refund.RefundService;
import com.orderengine.stripeemulator.refund.RefundStore;
import com.orderengine.stripeemulator.webhook.DeliveryLog;
import com.orderengine.stripeemulator.webhook.RetryPolicy;
import com.orderengine.stripeemulator.webhook.WebhookDeliveries;

/**
 * The emulator's state and background work, independent of HTTP: stores, services, webhook delivery,
 * the expiry sweeper and, with a data directory, saving and restoring all of it.
 */
final class EmulatorCore implements AutoCloseable {

    final CheckoutSessionService sessions;
    final CheckoutPayments payments;
    final CheckoutSessionParamsParser sessionParams;
    final RefundService refunds;
    final EventStore events;
    final DeliveryLog deliveryLog;
    final WebhookDeliveries deliveries;
    final IdempotencyStore idempotency;
    final LabelLookup labels;
    final FaultInjector faults = new FaultInjector();
    final OperationCounters counters = new OperationCounters();
    private final CheckoutSessionStore sessionStore;
    private final ChargeStore chargeStore;
    private final RefundStore refundStore;
    private final SnapshotWriter writer;
    private final ExpirySweeper sweeper;

    private EmulatorCore(StripeEmulatorOptions options, String hostedPageBaseUrl) {
        // Stores announce changes before the writer (which reads the stores) exists; the signal joins them.
        ChangeSignal changed = new ChangeSignal();
        SnapshotFile file = options.dataDirectory() == null ? null : new SnapshotFile(options.dataDirectory());
        EmulatorSnapshot saved =
                file == null ? EmulatorSnapshot.empty() : file.read().orElse(EmulatorSnapshot.empty());

        sessionStore = new CheckoutSessionStore(changed);
        chargeStore = new ChargeStore(changed);
        refundStore = new RefundStore(changed);
        events = new EventStore(changed);
        deliveryLog = new DeliveryLog(changed);
        idempotency = new IdempotencyStore(options.clock(), changed);
        labels = new LabelLookup(sessionStore, chargeStore, refundStore, events);
        deliveries = new WebhookDeliveries(
                options.webhookUrl(),
                options.webhookSecret(),
                new RetryPolicy(options.deliveryMaxAttempts(), options.deliveryBackoff()),
                deliveryLog,
                changed,
                labels::ofEvent,
                options.logTagger());
        EventPublisher publisher = new EventPublisher(
                events, options.clock(), options.apiVersion(), deliveries.endpointConfigured(), deliveries::deliver);
        ChargeRecorder chargeRecorder = new ChargeRecorder(chargeStore, options.clock());
        // The charge before the event: a webhook receiver may refund as soon as it hears of the payment.
        sessions = new CheckoutSessionService(
                sessionStore, options.clock(), hostedPageBaseUrl, chargeRecorder.andThen(publisher));
        payments = sessions.payments();
        sessionParams = new CheckoutSessionParamsParser(options.clock());
        refunds = new RefundService(chargeStore, refundStore, sessions, options.clock(), publisher);

        sessions.restore(saved.sessions());
        chargeStore.restore(saved.charges());
        refundStore.restore(saved.refunds());
        chargeRecorder.chargeUncharged(sessionStore.all());
        events.restore(saved.events());
        deliveryLog.restore(saved.deliveryAttempts());
        idempotency.restore(saved.idempotencyKeys());

        writer = file == null ? null : new SnapshotWriter(file, this::snapshot);
        if (writer != null) {
            changed.connect(writer::requestSave);
        }
        deliveries.resume(saved.pendingDeliveries(), events::find);
        sweeper = ExpirySweeper.start(sessions, options.expirySweepInterval());
    }

    static EmulatorCore open(StripeEmulatorOptions options, String hostedPageBaseUrl) {
        return new EmulatorCore(options, hostedPageBaseUrl);
    }

    /** Stops background work, then saves once more so unfinished deliveries are resumed next time. */
    @Override
    public void close() {
        sweeper.close();
        deliveries.close();
        if (writer != null) {
            writer.close();
        }
    }

    private EmulatorSnapshot snapshot() {
        return new EmulatorSnapshot(
                EmulatorSnapshot.CURRENT_FORMAT,
                sessionStore.all(),
                chargeStore.all(),
                refundStore.all(),
                events.all(),
                deliveryLog.all(),
                deliveries.pending(),
                idempotency.records());
    }

    /** Forwards change notices to whatever is connected, nothing until then. */
    private static final class ChangeSignal implements Runnable {
        private volatile Runnable target = () -> {};

        void connect(Runnable newTarget) {
            target = newTarget;
        }

        @Override
        public void run() {
            target.run();
        }
    }
}
