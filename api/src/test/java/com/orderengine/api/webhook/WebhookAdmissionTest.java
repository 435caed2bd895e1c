package com.orderengine.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orderengine.api.webhook.WebhookAdmission.Deferral;
import com.orderengine.api.webhook.WebhookAdmission.DeferredException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookAdmissionTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final long LIVE = NOW.getEpochSecond() - 5;
    private static final long OLD = NOW.getEpochSecond() - 3_600;

    @Test
    void liveEventsPassWhateverTheBacklogRate() throws DeferredException {
        WebhookAdmission admission = new WebhookAdmission(4, 0.1, Duration.ofSeconds(60), CLOCK);

        for (int i = 0; i < 100; i++) {
            admission.admit(LIVE).close();
        }
        admission.admit(null).close();
    }

    @Test
    void backlogEventsBeyondTheRateAreDeferredAtOnce() throws DeferredException {
        WebhookAdmission admission = new WebhookAdmission(4, 0.1, Duration.ofSeconds(60), CLOCK);
        admission.admit(OLD).close();

        long started = System.nanoTime();
        assertThatThrownBy(() -> admission.admit(OLD))
                .isInstanceOfSatisfying(
                        DeferredException.class,
                        deferred -> assertThat(deferred.reason()).isEqualTo(Deferral.BACKLOG));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(100));
        admission.admit(LIVE).close();
    }

    @Test
    void backlogEventsArrivingTogetherAreTakenOneAtATimeNotInABurst() throws Exception {
        WebhookAdmission admission = new WebhookAdmission(100, 20, Duration.ofSeconds(60), CLOCK);
        Thread.sleep(500); // idle time saves up no burst

        int admitted = 0;
        for (int i = 0; i < 50; i++) {
            try {
                admission.admit(OLD).close();
                admitted++;
            } catch (DeferredException e) {
                assertThat(e.reason()).isEqualTo(Deferral.BACKLOG);
            }
        }

        assertThat(admitted).as("a wave of 50 at 20/s").isEqualTo(1);
        Thread.sleep(60);
        admission.admit(OLD).close();
    }

    @Test
    void aDeferredBacklogEventTakesNoHandOverTurn() throws DeferredException {
        WebhookAdmission admission = new WebhookAdmission(1, 0.1, Duration.ofSeconds(60), CLOCK);
        admission.admit(OLD).close();
        assertThatThrownBy(() -> admission.admit(OLD)).isInstanceOf(DeferredException.class);

        admission.admit(LIVE).close();
    }

    @Test
    void aWebhookWaitsBrieflyForATurnFreedMeanwhile() throws Exception {
        WebhookAdmission admission = new WebhookAdmission(1, 100, Duration.ofSeconds(60), CLOCK);
        WebhookAdmission.Turn held = admission.admit(LIVE);
        Thread releaser = new Thread(() -> {
            sleep(50);
            held.close();
        });
        releaser.start();

        admission.admit(LIVE).close();
        releaser.join();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void oneMoreWebhookThanTheHandOversIsDeferredAfterAShortWait() throws DeferredException {
        WebhookAdmission admission = new WebhookAdmission(3, 100, Duration.ofSeconds(60), CLOCK);
        List<WebhookAdmission.Turn> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(admission.admit(LIVE));
        }

        long started = System.nanoTime();
        assertThatThrownBy(() -> admission.admit(LIVE))
                .isInstanceOfSatisfying(
                        DeferredException.class,
                        deferred -> assertThat(deferred.reason()).isEqualTo(Deferral.BUSY));
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isBetween(WebhookAdmission.TURN_WAIT, WebhookAdmission.TURN_WAIT.plusSeconds(1));

        held.remove(0).close();
        held.add(admission.admit(LIVE));
        held.forEach(WebhookAdmission.Turn::close);
    }

    @Test
    void anEventIsBacklogOnceOlderThanTheLiveAge() {
        WebhookAdmission admission = new WebhookAdmission(1, 1, Duration.ofSeconds(60), CLOCK);

        assertThat(admission.isBacklog(NOW.getEpochSecond() - 60)).isFalse();
        assertThat(admission.isBacklog(NOW.getEpochSecond() - 61)).isTrue();
        assertThat(admission.isBacklog(null)).isFalse();
    }
}
