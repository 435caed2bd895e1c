package com.orderengine.infrastructure.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.util.concurrent.TimeUnit;

/**
 * How work left over from an outage is taken on without starving live traffic. After a restart Stripe redelivers
 * every event it could not deliver, all at once, and every pending order must be checked; live checkouts and the
 * payments of live orders must not wait behind that. So:
 * <ul>
 * <li>recovery workflows (orders whose workflow was lost, and finished orders reopened by a late event) run on
 * their own task queue, the backlog lane, whose worker has a few slots and a rate limit of its own;</li>
 * <li>the worker checks pending orders at a bounded pace, and asks each one's workflow to check Stripe after a
 * restart, so the backlog drains without waiting for Stripe's redeliveries;</li>
 * <li>the api admits webhook events older than {@link #liveEventAge} (a backlog) at a bounded rate, bounds how
 * many webhooks it hands over at once, and answers the rest 503 with {@code Retry-After} at once.</li>
 * </ul>
 */
public class BacklogFactory {

    @NotEmpty
    private String laneTaskQueue = "orders-backlog";

    /** Workflow tasks the lane's worker runs at once. */
    @Min(1)
    @Max(1_000)
    private int laneWorkflowTaskSlots = 2;

    /** Activities the lane's worker runs at once. */
    @Min(1)
    @Max(1_000)
    private int laneActivitySlots = 2;

    /** Activities started on the lane per second, over all workers (Temporal enforces it). */
    @DecimalMin("0.1")
    private double laneActivitiesPerSecond = 10;

    /** Pending orders the worker checks per second in a recovery pass. */
    @DecimalMin("0.1")
    private double recoveryOrdersPerSecond = 10;

    /** A webhook event created longer ago than this is backlog (Stripe redelivering), not a live payment. */
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration liveEventAge = Duration.seconds(60);

    /** Backlog webhook events the api hands over per second; the rest are answered 503 to come back later. */
    @DecimalMin("0.1")
    private double webhookBacklogEventsPerSecond = 10;

    /** Webhooks the api hands over at once; one more is answered 503 at once instead of waiting for a turn. */
    @Min(1)
    @Max(10_000)
    private int webhookHandOvers = 64;

    /** How long a webhook may wait for Temporal to take its event before the api answers 503. */
    @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
    private Duration webhookHandOverTimeout = Duration.seconds(2);

    /** Sent as {@code Retry-After} with a deferred webhook (Stripe keeps its own schedule; other senders may not). */
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration retryAfter = Duration.seconds(30);

    @JsonProperty
    public String getLaneTaskQueue() {
        return laneTaskQueue;
    }

    @JsonProperty
    public void setLaneTaskQueue(String laneTaskQueue) {
        this.laneTaskQueue = laneTaskQueue;
    }

    @JsonProperty
    public int getLaneWorkflowTaskSlots() {
        return laneWorkflowTaskSlots;
    }

    @JsonProperty
    public void setLaneWorkflowTaskSlots(int laneWorkflowTaskSlots) {
        this.laneWorkflowTaskSlots = laneWorkflowTaskSlots;
    }

    @JsonProperty
    public int getLaneActivitySlots() {
        return laneActivitySlots;
    }

    @JsonProperty
    public void setLaneActivitySlots(int laneActivitySlots) {
        this.laneActivitySlots = laneActivitySlots;
    }

    @JsonProperty
    public double getLaneActivitiesPerSecond() {
        return laneActivitiesPerSecond;
    }

    @JsonProperty
    public void setLaneActivitiesPerSecond(double laneActivitiesPerSecond) {
        this.laneActivitiesPerSecond = laneActivitiesPerSecond;
    }

    @JsonProperty
    public double getRecoveryOrdersPerSecond() {
        return recoveryOrdersPerSecond;
    }

    @JsonProperty
    public void setRecoveryOrdersPerSecond(double recoveryOrdersPerSecond) {
        this.recoveryOrdersPerSecond = recoveryOrdersPerSecond;
    }

    @JsonProperty
    public Duration getLiveEventAge() {
        return liveEventAge;
    }

    @JsonProperty
    public void setLiveEventAge(Duration liveEventAge) {
        this.liveEventAge = liveEventAge;
    }

    @JsonProperty
    public double getWebhookBacklogEventsPerSecond() {
        return webhookBacklogEventsPerSecond;
    }

    @JsonProperty
    public void setWebhookBacklogEventsPerSecond(double webhookBacklogEventsPerSecond) {
        this.webhookBacklogEventsPerSecond = webhookBacklogEventsPerSecond;
    }

    @JsonProperty
    public int getWebhookHandOvers() {
        return webhookHandOvers;
    }

    @JsonProperty
    public void setWebhookHandOvers(int webhookHandOvers) {
        this.webhookHandOvers = webhookHandOvers;
    }

    @JsonProperty
    public Duration getWebhookHandOverTimeout() {
        return webhookHandOverTimeout;
    }

    @JsonProperty
    public void setWebhookHandOverTimeout(Duration webhookHandOverTimeout) {
        this.webhookHandOverTimeout = webhookHandOverTimeout;
    }

    @JsonProperty
    public Duration getRetryAfter() {
        return retryAfter;
    }

    @JsonProperty
    public void setRetryAfter(Duration retryAfter) {
        this.retryAfter = retryAfter;
    }
}
