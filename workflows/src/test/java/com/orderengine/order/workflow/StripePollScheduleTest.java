package com.orderengine.order.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StripePollScheduleTest {

    @Test
    void withoutJitterTheWaitsDoubleUpToTheMaximum() {
        StripePollSchedule schedule = new StripePollSchedule(Duration.ofMinutes(2), Duration.ofMinutes(30), 0, null);

        assertThat(waits(schedule, 6)).containsExactly(2L, 4L, 8L, 16L, 30L, 30L);
    }

    @Test
    void eachWaitIsWithinTwentyPercentOfTenTwentyFortyThenSixtyMinutes() {
        long[] nominalMinutes = {10, 20, 40, 60, 60};
        for (int seed = 0; seed < 200; seed++) {
            StripePollSchedule schedule = new StripePollSchedule(
                    StripePollSchedule.FIRST_POLL,
                    StripePollSchedule.MAX_POLL,
                    StripePollSchedule.JITTER,
                    new Random(seed));
            for (long nominal : nominalMinutes) {
                long wait = schedule.next().toMillis();
                assertThat(wait).isBetween(Math.round(nominal * 60_000 * 0.8), Math.round(nominal * 60_000 * 1.2));
            }
        }
    }

    @Test
    void aBurstOfOrdersDoesNotPollInABurst() {
        Set<Long> firstPollSeconds = new HashSet<>();
        // Each workflow's Workflow.newRandom() is seeded from its own run id: unrelated seeds, as here.
        Random seeds = new Random(42);
        for (int order = 0; order < 1_000; order++) {
            firstPollSeconds.add(new StripePollSchedule(
                            StripePollSchedule.FIRST_POLL,
                            StripePollSchedule.MAX_POLL,
                            StripePollSchedule.JITTER,
                            new Random(seeds.nextLong()))
                    .next()
                    .toSeconds());
        }
        // 1,000 orders created in the same second spread over the 8–12 minute window: 240 possible seconds.
        assertThat(firstPollSeconds).hasSizeGreaterThan(200);
    }

    @Test
    void jitterNeedsARandomSource() {
        assertThatThrownBy(() -> new StripePollSchedule(Duration.ofMinutes(1), Duration.ofMinutes(2), 0.2, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Long> waits(StripePollSchedule schedule, int count) {
        List<Long> minutes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            minutes.add(schedule.next().toMinutes());
        }
        return minutes;
    }
}
