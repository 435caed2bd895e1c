package com.orderengine.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderengine.order.OrderReference;
import com.orderengine.stripeemulator.StripeEmulator;
import com.orderengine.stripeemulator.webhook.DeliveryStatus;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DeleteWorkflowExecutionRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The shop after an outage, on the local stack with Temporal's dev server: orders were left pending, and while the
 * shop was down their customers paid or their sessions expired, every event undelivered; some orders' workflows
 * were lost too. The shop restarts; the emulator redelivers everything at once and the worker's recovery pass runs,
 * while new customers check out at a steady rate. New checkouts must get no 5xx and keep their p99 within 3× of the
 * same rate on the idle stack; the backlog must drain completely, every order right, each with one transition.
 *
 * <p>CI runs it with {@value #CI_ORDERS} orders; {@code -Dbacklog.orders=5000} is the full size of BENCHMARKS.md.
 * The figures go to {@code target/backlog-drain-report.md}.
 */
class BacklogDrainTest {

    static final int CI_ORDERS = 150;
    private static final int ORDERS = Integer.getInteger("backlog.orders", CI_ORDERS);
    private static final double CHECKOUTS_PER_SECOND =
            Double.parseDouble(System.getProperty("backlog.checkoutsPerSecond", "4"));
    /** How long the idle stack is measured; during the drain, checkouts go on until it is over (or the target). */
    private static final Duration DRIVE = Duration.ofSeconds(Long.getLong("backlog.seconds", 40));

    private static final Duration DRAIN_TARGET = Duration.ofMinutes(10);
    /** Every fifth order loses its workflow: a namespace reset, an in-memory Temporal restarted. */
    private static final int LOST_EVERY = 5;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** An order of the backlog and what became of its session at Stripe while the shop was down. */
    record Backlogged(String orderId, String sessionId, String fate, boolean workflowLost) {
        String expectedStatus() {
            return switch (fate) {
                case "paid" -> "paid";
                case "expired" -> "expired";
                default -> "pending";
            };
        }
    }

    /** Latencies in ms and statuses of checkouts driven at a steady rate. */
    record Drive(List<Long> latencies, List<Integer> statuses, int errors) {
        long percentile(double p) {
            List<Long> sorted = latencies.stream().sorted().toList();
            return sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
        }

        long count5xx() {
            return statuses.stream().filter(status -> status >= 500).count();
        }

        Map<Integer, Long> byStatus() {
            return statuses.stream().collect(Collectors.groupingBy(status -> status, Collectors.counting()));
        }
    }

    @Test
    void aBacklogDrainsInTheBackgroundWhileNewCheckoutsStayFast() throws Exception {
        LocalStackSettings settings =
                TestStacks.settings(Files.createTempDirectory(Path.of("target").toAbsolutePath(), "backlog-stack"));
        // Outages in CI last seconds, not minutes: events older than 5 s count as backlog here (60 s by default).
        Map<String, String> tuning = Map.of("BACKLOG_LIVE_EVENT_AGE", "5s");
        List<Backlogged> backlog = new ArrayList<>();
        Drive idle;
        try (LocalStack before = LocalStack.start(settings, TestStacks.CONFIG, tuning)) {
            drive(before.storefrontUrl(), 2, Duration.ofSeconds(5), () -> false);
            idle = drive(before.storefrontUrl(), CHECKOUTS_PER_SECOND, DRIVE, () -> false);
            List<String> orderIds = placeOrders(before.storefrontUrl(), ORDERS);
            Map<String, String> sessions = before.stripe().checkoutSessions().stream()
                    .filter(session -> session.clientReferenceId() != null)
                    .collect(Collectors.toMap(session -> session.clientReferenceId(), session -> session.id()));
            for (int i = 0; i < orderIds.size(); i++) {
                String fate = switch (i % 3) {
                    case 0 -> "paid";
                    case 1 -> "expired";
                    default -> "open";
                };
                backlog.add(new Backlogged(orderIds.get(i), sessions.get(orderIds.get(i)), fate, i % LOST_EVERY == 0));
            }
            deleteWorkflows(
                    settings, backlog.stream().filter(Backlogged::workflowLost).toList());
        }

        // The outage: Stripe carries on without the shop. Its attempts to deliver the events fail, and are left
        // for after the restart.
        // The stack's own emulator, on its data directory, but retrying only after the restart.
        try (StripeEmulator stripe =
                StripeEmulator.start(LocalStack.emulatorOptions(settings).withDeliveryBackoff(Duration.ofHours(1)))) {
            for (Backlogged order : backlog) {
                switch (order.fate()) {
                    case "paid" -> stripe.completeCheckoutSession(order.sessionId());
                    case "expired" -> stripe.expireCheckoutSession(order.sessionId());
                    default -> {}
                }
            }
            Thread.sleep(6_000); // past BACKLOG_LIVE_EVENT_AGE: every event is backlog when it arrives
        }

        long restartedAt = System.nanoTime();
        try (LocalStack after = LocalStack.start(settings, TestStacks.CONFIG, tuning)) {
            double startUpSeconds = (System.nanoTime() - restartedAt) / 1e9;
            CompletableFuture<Double> drained =
                    CompletableFuture.supplyAsync(() -> awaitDrained(settings, backlog, restartedAt));
            Drive duringDrain = drive(after.storefrontUrl(), CHECKOUTS_PER_SECOND, DRAIN_TARGET, drained::isDone);
            double drainSeconds = drained.get(DRAIN_TARGET.toSeconds() + 60, TimeUnit.SECONDS);

            Map<DeliveryStatus, Long> deliveries = deliveries(after, backlog);
            Map<String, Double> apiMetrics = prometheus(settings.adminPort());
            Map<String, Double> workerMetrics = prometheus(settings.workerAdminPort());
            String report = report(
                    idle, duringDrain, startUpSeconds, drainSeconds, backlog, deliveries, apiMetrics, workerMetrics);
            System.out.println(report);
            Files.writeString(Path.of("target", "backlog-drain-report.md"), report);

            assertThat(duringDrain.count5xx())
                    .as("new checkouts during the drain: no 5xx")
                    .isZero();
            assertThat(duringDrain.errors())
                    .as("new checkouts during the drain: no connection errors")
                    .isZero();
            assertThat(duringDrain.byStatus().keySet())
                    .as("every new checkout answered 200")
                    .containsOnly(200);
            assertThat(duringDrain.percentile(0.99))
                    .as("checkout p99 during the drain within 3x of idle (%d ms)", idle.percentile(0.99))
                    .isLessThanOrEqualTo(3 * idle.percentile(0.99));
            assertThat(drainSeconds).as("drain time").isLessThanOrEqualTo(DRAIN_TARGET.toSeconds());
            assertEveryOrderRight(settings, backlog);
            assertThat(deliveries.keySet())
                    .as("every backlogged event delivered or still being retried by Stripe; " + "none given up")
                    .isSubsetOf(DeliveryStatus.DELIVERED, DeliveryStatus.PENDING);
            assertThat(deliveries.values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(backlog.stream()
                            .filter(order -> !order.fate().equals("open"))
                            .count());
        }
    }

    /** Seconds from the restart until every backlogged order is in its final state (open ones still pending). */
    private static double awaitDrained(LocalStackSettings settings, List<Backlogged> backlog, long restartedAt) {
        long deadline = restartedAt + DRAIN_TARGET.plusSeconds(60).toNanos();
        Map<String, String> expected =
                backlog.stream().collect(Collectors.toMap(Backlogged::orderId, Backlogged::expectedStatus));
        while (System.nanoTime() < deadline) {
            Map<String, String> statuses = statuses(settings);
            if (expected.entrySet().stream().allMatch(entry -> entry.getValue().equals(statuses.get(entry.getKey())))) {
                return (System.nanoTime() - restartedAt) / 1e9;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Double.MAX_VALUE;
    }

    private static void assertEveryOrderRight(LocalStackSettings settings, List<Backlogged> backlog)
            throws SQLException {
        Map<String, String> statuses = statuses(settings);
        Map<String, Integer> transitions = new HashMap<>();
        try (Connection connection = connect(settings);
                ResultSet rows = connection.createStatement().executeQuery("""
                        SELECT o.reference, count(c.id) FROM orders o
                        LEFT JOIN order_status_changes c ON c.order_id = o.id AND c.from_status = 'pending'
                        GROUP BY o.reference""")) {
            while (rows.next()) {
                transitions.put(rows.getString(1), rows.getInt(2));
            }
        }
        for (Backlogged order : backlog) {
            assertThat(statuses.get(order.orderId())).as("status of %s", order).isEqualTo(order.expectedStatus());
            assertThat(transitions.get(order.orderId()))
                    .as("transitions out of pending of %s", order)
                    .isEqualTo(order.expectedStatus().equals("pending") ? 0 : 1);
        }
    }

    /**
     * How the deliveries of the backlogged events stand. A deferred one is not lost: Stripe (here the emulator)
     * sends it again on its own schedule, doubling its wait up to five minutes, and it is then acknowledged as a
     * duplicate of what the recovery pass already settled.
     */
    private static Map<DeliveryStatus, Long> deliveries(LocalStack stack, List<Backlogged> backlog) {
        Map<String, String> orderOfSession =
                backlog.stream().collect(Collectors.toMap(Backlogged::sessionId, Backlogged::orderId));
        return stack.stripe().events().stream()
                .filter(event -> orderOfSession.containsKey(event.objectId()))
                .filter(event -> event.type().startsWith("checkout.session."))
                .collect(Collectors.groupingBy(
                        event -> stack.stripe().deliveryStatus(event.id()), Collectors.counting()));
    }

    /**
     * Checkouts at a steady rate, each sent on time whatever the previous ones are doing (an open loop), for
     * {@code duration} or until {@code over}.
     */
    private Drive drive(String baseUrl, double perSecond, Duration duration, BooleanSupplier over)
            throws InterruptedException {
        ConcurrentLinkedQueue<long[]> results = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<CompletableFuture<?>> inFlight = new ConcurrentLinkedQueue<>();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long count = Math.round(perSecond * duration.toMillis() / 1000.0);
        long periodNanos = Math.round(1e9 / perSecond);
        try {
            for (long i = 0; i < count; i++) {
                clock.schedule(
                        () -> {
                            if (over.getAsBoolean()) {
                                return;
                            }
                            long started = System.nanoTime();
                            inFlight.add(http.sendAsync(
                                            checkout(baseUrl, "drive"), HttpResponse.BodyHandlers.discarding())
                                    .handle((response, error) -> {
                                        if (error != null) {
                                            errors.add(error);
                                        } else {
                                            results.add(new long[] {
                                                (System.nanoTime() - started) / 1_000_000, response.statusCode()
                                            });
                                        }
                                        return null;
                                    }));
                        },
                        i * periodNanos,
                        TimeUnit.NANOSECONDS);
            }
            // Tasks already scheduled still run after shutdown(); shutdownNow() drops those not yet due.
            clock.shutdown();
            while (!clock.awaitTermination(100, TimeUnit.MILLISECONDS)) {
                if (over.getAsBoolean()) {
                    clock.shutdownNow();
                }
            }
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        } finally {
            clock.shutdownNow();
        }
        List<long[]> all = new ArrayList<>(results);
        return new Drive(
                all.stream().map(result -> result[0]).toList(),
                all.stream().map(result -> (int) result[1]).toList(),
                errors.size());
    }

    /** {@code count} checkouts, eight at a time; their order ids. */
    private List<String> placeOrders(String baseUrl, int count) throws Exception {
        List<String> orderIds = new ArrayList<>();
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> placed = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                placed.add(pool.submit(() -> {
                    HttpResponse<String> response =
                            http.send(checkout(baseUrl, "backlog"), HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                    return JSON.readTree(response.body()).path("orderId").asText();
                }));
            }
            for (var order : placed) {
                orderIds.add(order.get());
            }
        } finally {
            pool.shutdownNow();
        }
        return orderIds;
    }

    private static HttpRequest checkout(String baseUrl, String who) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/api/checkout"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"items\":[{\"productId\":1,\"quantity\":1}]," + "\"email\":\"" + who + "@example.com\"}"))
                .build();
    }

    /** Lost workflows: deleted from the dev server while the shop is still up. */
    private static void deleteWorkflows(LocalStackSettings settings, List<Backlogged> lost) {
        WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget(settings.temporalAddress())
                .build());
        try {
            for (Backlogged order : lost) {
                stubs.blockingStub()
                        .deleteWorkflowExecution(DeleteWorkflowExecutionRequest.newBuilder()
                                .setNamespace("default")
                                .setWorkflowExecution(WorkflowExecution.newBuilder()
                                        .setWorkflowId(OrderReference.workflowId(order.orderId())))
                                .build());
            }
        } finally {
            stubs.shutdownNow();
        }
    }

    private static Map<String, String> statuses(LocalStackSettings settings) {
        Map<String, String> statuses = new HashMap<>();
        try (Connection connection = connect(settings);
                ResultSet rows = connection.createStatement().executeQuery("SELECT reference, status FROM orders")) {
            while (rows.next()) {
                statuses.put(rows.getString(1), rows.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return statuses;
    }

    private static Connection connect(LocalStackSettings settings) throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(), "postgres", "postgres");
    }

    /** The engine's own counters and gauges, summed over their tags: {@code name} to value. */
    private Map<String, Double> prometheus(int adminPort) throws Exception {
        String body = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/prometheus"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Map<String, Double> values = new HashMap<>();
        Matcher line = Pattern.compile("(?m)^(orderengine_[a-z_]+)(\\{[^}]*})? ([0-9.E+-]+)$")
                .matcher(body);
        while (line.find()) {
            String name = line.group(1) + (line.group(2) == null ? "" : tagOfInterest(line.group(2)));
            values.merge(name, Double.parseDouble(line.group(3)), Double::sum);
        }
        return values;
    }

    private static String tagOfInterest(String tags) {
        Matcher outcome = Pattern.compile("(outcome|action)=\"([a-z_]+)\"").matcher(tags);
        return outcome.find() ? "{" + outcome.group(1) + "=" + outcome.group(2) + "}" : "";
    }

    private static String report(
            Drive idle,
            Drive drain,
            double startUpSeconds,
            double drainSeconds,
            List<Backlogged> backlog,
            Map<DeliveryStatus, Long> deliveries,
            Map<String, Double> api,
            Map<String, Double> worker) {
        long paid =
                backlog.stream().filter(order -> order.fate().equals("paid")).count();
        long expired =
                backlog.stream().filter(order -> order.fate().equals("expired")).count();
        long lost = backlog.stream().filter(Backlogged::workflowLost).count();
        return String.format(
                """
                ## Backlog drain: %d orders (%d paid, %d expired, %d open while the shop was down; %d workflows lost)

                | checkouts at %.0f/s | answered | p50 | p99 | max | 5xx |
                |---|---|---|---|---|---|
                | idle stack | %d | %d ms | %d ms | %d ms | %d |
                | during the drain | %d | %d ms | %d ms | %d ms | %d |

                - p99 during the drain / idle: %.2fx (target at most 3x); p50 ratio %.2fx
                - restart to stack up: %.1f s; restart to every backlogged order right: %.1f s (target 600 s)
                - webhooks: %.0f accepted, %.0f deferred with 503 + Retry-After, %.0f acknowledged as duplicates;
                  backlogged events at the end: %d delivered, %d still being retried by Stripe, %d given up
                - recovery pass: %.0f workflows resumed on the backlog lane, %.0f running workflows told their session was paid or expired
                """,
                backlog.size(),
                paid,
                expired,
                backlog.size() - paid - expired,
                lost,
                CHECKOUTS_PER_SECOND,
                idle.latencies().size(),
                idle.percentile(0.5),
                idle.percentile(0.99),
                idle.percentile(1.0),
                idle.count5xx(),
                drain.latencies().size(),
                drain.percentile(0.5),
                drain.percentile(0.99),
                drain.percentile(1.0),
                drain.count5xx(),
                (double) drain.percentile(0.99) / idle.percentile(0.99),
                (double) drain.percentile(0.5) / idle.percentile(0.5),
                startUpSeconds,
                drainSeconds,
                api.getOrDefault("orderengine_webhook_events_total{outcome=accepted}", 0.0),
                api.getOrDefault("orderengine_webhook_events_total{outcome=deferred}", 0.0),
                api.getOrDefault("orderengine_webhook_events_total{outcome=duplicate}", 0.0),
                deliveries.getOrDefault(DeliveryStatus.DELIVERED, 0L),
                deliveries.getOrDefault(DeliveryStatus.PENDING, 0L),
                deliveries.getOrDefault(DeliveryStatus.FAILED, 0L),
                worker.getOrDefault("orderengine_backlog_recoveries_total{action=resumed}", 0.0),
                worker.getOrDefault("orderengine_backlog_recoveries_total{action=session_reported}", 0.0));
    }
}
