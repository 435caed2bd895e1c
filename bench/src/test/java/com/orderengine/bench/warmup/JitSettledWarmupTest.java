package com.orderengine.bench.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderengine.bench.load.LoadCall;
import com.orderengine.bench.load.NappingCall;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class JitSettledWarmupTest {

    private static final Duration WINDOW = Duration.ofMillis(200);

    /** 10 ms a call: about 20 calls per window and client. */
    private static final Supplier<LoadCall> CALLS = () -> new NappingCall("napping", 10);

    @Test
    void stopsAtTheFirstWindowInWhichTheJitUsedUnderFivePercentOfACore() throws Exception {
        // Readings before and after each window: 100 ms compiled (50 %), then 40 ms (20 %), then 4 ms (2 %).
        Supplier<OptionalLong> compiled = readings(1_000, 1_100, 1_140, 1_144, 1_144);

        WarmupResult result = new JitSettledWarmup(WINDOW, Duration.ofSeconds(30)).run("engine", 2, compiled, CALLS);

        assertThat(result.settled()).isTrue();
        assertThat(result.lastWindowJitPercent()).isEqualTo(2.0);
        assertThat(result.seconds()).isBetween(0.55, 5.0);
        assertThat(result.requests()).isBetween(50L, 150L);
    }

    @Test
    void stopsAtTheLimitWhenTheJitNeverSettles() throws Exception {
        long[] total = {0};
        Supplier<OptionalLong> alwaysCompiling = () -> OptionalLong.of(total[0] += 100);

        WarmupResult result =
                new JitSettledWarmup(WINDOW, Duration.ofSeconds(1)).run("baseline", 1, alwaysCompiling, CALLS);

        assertThat(result.settled()).isFalse();
        assertThat(result.lastWindowJitPercent()).isEqualTo(50.0);
        assertThat(result.seconds()).isBetween(1.0, 3.0);
    }

    @Test
    void withoutAReadingItRunsToTheLimit() throws Exception {
        WarmupResult result =
                new JitSettledWarmup(WINDOW, Duration.ofSeconds(1)).run("engine", 1, OptionalLong::empty, CALLS);

        assertThat(result.settled()).isFalse();
        assertThat(result.lastWindowJitPercent()).isEqualTo(-1);
        assertThat(result.seconds()).isBetween(1.0, 3.0);
    }

    /** Answers the values in turn, then the last one again. */
    private static Supplier<OptionalLong> readings(long... values) {
        Deque<Long> queue = new ArrayDeque<>();
        for (long value : values) {
            queue.add(value);
        }
        return () -> OptionalLong.of(queue.size() > 1 ? queue.poll() : queue.peek());
    }
}
