package com.orderengine.stripeemulator.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void delaysDoubleFromTheFirstAndAreCappedAtFiveMinutes() {
        RetryPolicy policy = new RetryPolicy(8, Duration.ofSeconds(1));

        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delayAfter(7)).isEqualTo(Duration.ofSeconds(64));
        assertThat(policy.delayAfter(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(policy.delayAfter(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.delayAfter(1_000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void retriesUntilTheMaximumNumberOfAttemptsWasMade() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(50));

        assertThat(policy.mayRetryAfter(1)).isTrue();
        assertThat(policy.mayRetryAfter(2)).isTrue();
        assertThat(policy.mayRetryAfter(3)).isFalse();
    }

    @Test
    void eachWaitIsJitteredWithinAQuarterEitherWay() {
        RetryPolicy policy = new RetryPolicy(8, Duration.ofSeconds(1));
        Random random = new Random(42);
        Set<Long> waits = new HashSet<>();

        for (int i = 0; i < 1_000; i++) {
            Duration wait = policy.jitteredDelayAfter(3, random);
            assertThat(wait).isBetween(Duration.ofMillis(3_000), Duration.ofMillis(5_000));
            waits.add(wait.toMillis());
        }

        assertThat(waits).as("spread out, not one moment").hasSizeGreaterThan(500);
    }
}
