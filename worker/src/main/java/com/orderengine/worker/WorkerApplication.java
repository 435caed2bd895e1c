package com.orderengine.worker;

import com.orderengine.infrastructure.config.BacklogFactory;
import com.orderengine.infrastructure.config.MailFactory;
import com.orderengine.infrastructure.config.OrderEngineBootstrap;
import com.orderengine.infrastructure.config.OrderEngineConfiguration;
import com.orderengine.infrastructure.metrics.PrometheusMetrics;
import com.orderengine.infrastructure.temporal.TemporalConnection;
import com.orderengine.mail.MailMetrics;
import com.orderengine.mail.MailRelay;
import com.orderengine.order.OrderMetrics;
import com.orderengine.order.activities.OrderActivitiesImpl;
import com.orderengine.order.activities.OrderMails;
import com.orderengine.order.db.OrderDao;
import com.orderengine.order.stripe.StripeCheckoutSessions;
import com.orderengine.order.stripe.StripeRefunds;
import com.orderengine.order.workflow.OrderWorkflowClient;
import com.orderengine.order.workflow.PendingOrderRecovery;
import com.stripe.StripeClient;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;

/** The process that runs order workflows and their activities. Run it with {@code server config.yml}. */
public class WorkerApplication extends Application<OrderEngineConfiguration> {

    /** Soon after start-up (the worker is polling by then), then every few minutes. */
    static final Duration RECOVERY_FIRST_PASS = Duration.ofSeconds(2);

    static final Duration RECOVERY_INTERVAL = Duration.ofMinutes(5);
    static final Duration LANE_SAMPLE_INTERVAL = Duration.ofSeconds(5);

    public static void main(String[] args) throws Exception {
        new WorkerApplication().run(args);
    }

    @Override
    public String getName() {
        return "order-worker";
    }

    @Override
    public void initialize(Bootstrap<OrderEngineConfiguration> bootstrap) {
        OrderEngineBootstrap.initialize(bootstrap);
    }

    @Override
    public void run(OrderEngineConfiguration configuration, Environment environment) {
        StripeClient stripe = configuration.getStripe().build();
        configuration.getStripe().registerHealthCheck(environment, true, false);
        StripeCheckoutSessions checkoutSessions = new StripeCheckoutSessions(
                stripe,
                configuration.getCheckout().successUrl(),
                configuration.getCheckout().cancelUrl());
        Jdbi jdbi = OrderEngineBootstrap.database(configuration, environment);
        PrometheusMetrics metrics = OrderEngineBootstrap.metrics(environment);
        TemporalConnection temporal = OrderEngineBootstrap.temporal(configuration, environment, metrics);
        OrderMetrics orderMetrics = new OrderMetrics(metrics.registry());
        MailFactory mail = configuration.getMail();
        OrderActivitiesImpl activities = new OrderActivitiesImpl(
                jdbi,
                checkoutSessions,
                new StripeRefunds(stripe),
                orderMetrics,
                new OrderMails(mail.getShopName(), configuration.getCheckout().getSiteUrl(), mail.messageIdDomain()));
        BacklogFactory backlog = configuration.getBacklog();
        environment
                .lifecycle()
                .manage(new OrderWorker(
                        temporal,
                        activities,
                        configuration.getTemporal().workerTuning(),
                        new OrderWorker.BacklogLane(
                                backlog.getLaneTaskQueue(),
                                backlog.getLaneWorkflowTaskSlots(),
                                backlog.getLaneActivitySlots(),
                                backlog.getLaneActivitiesPerSecond())));

        // Mail to customers waits in outgoing_mail, added by whoever decided to write (a workflow's activity, a
        // sign-up); every worker runs a relay, and they share the table without sending a mail twice.
        environment
                .lifecycle()
                .manage(new MailRelay(
                        jdbi,
                        mail.build(),
                        java.time.Duration.ofMillis(mail.getPollInterval().toMilliseconds()),
                        java.time.Duration.ofMillis(mail.getRetryMaxDelay().toMilliseconds()),
                        new MailMetrics(metrics.registry())));

        PendingOrderRecovery recovery = new PendingOrderRecovery(
                jdbi.onDemand(OrderDao.class),
                new OrderWorkflowClient(temporal.client(), temporal.taskQueue(), backlog.getLaneTaskQueue()),
                checkoutSessions,
                backlog.getRecoveryOrdersPerSecond(),
                orderMetrics);
        ScheduledExecutorService background = environment
                .lifecycle()
                .scheduledExecutorService("backlog-%d")
                .threads(2)
                .build();
        background.scheduleWithFixedDelay(
                recovery, RECOVERY_FIRST_PASS.toSeconds(), RECOVERY_INTERVAL.toSeconds(), TimeUnit.SECONDS);
        background.scheduleWithFixedDelay(
                new BacklogLaneMonitor(temporal, backlog.getLaneTaskQueue(), orderMetrics),
                LANE_SAMPLE_INTERVAL.toMillis(),
                LANE_SAMPLE_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }
}
