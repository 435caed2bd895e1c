package com.orderengine.bench.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsParserTest {

    private final OptionsParser parser = new OptionsParser(Map.of());

    @Test
    void theDefaultsAreTheFullRunAgainstAStartedStack() {
        BenchOptions options = parser.parse(new String[0]);

        assertThat(options.startsStack()).isTrue();
        assertThat(options.payAtEmulator()).isTrue();
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.concurrency()).containsExactly(1, 8, 32, 64);
        assertThat(options.paymentConcurrency()).containsExactly(1, 8, 32);
        assertThat(options.stormEvents()).isEqualTo(1000);
        assertThat(options.stormParallelism()).isEqualTo(50);
        assertThat(options.growth()).isFalse();
        assertThat(options.temporal()).isEqualTo(TemporalMode.DEV);
        assertThat(options.results()).isEqualTo(Path.of("bench/results"));
    }

    @Test
    void theTemporalIsChosenByNameOrFromTheEnvironment() {
        assertThat(parser.parse(new String[] {"--temporal=postgres"}).temporal())
                .isEqualTo(TemporalMode.POSTGRES);
        assertThat(parser.parse(new String[] {"--temporal", "test-server"}).temporal())
                .isEqualTo(TemporalMode.TEST_SERVER);
        assertThat(parser.parse(new String[] {"--quick", "--temporal=DEV"}).temporal())
                .isEqualTo(TemporalMode.DEV);

        OptionsParser fromEnvironment = new OptionsParser(Map.of("BENCH_TEMPORAL", "postgres"));
        assertThat(fromEnvironment.parse(new String[0]).temporal()).isEqualTo(TemporalMode.POSTGRES);
        assertThat(fromEnvironment.parse(new String[] {"--temporal=dev"}).temporal())
                .isEqualTo(TemporalMode.DEV);
    }

    @Test
    void anUnknownTemporalOrOptionSaysWhatToUseInstead() {
        assertThatThrownBy(() -> parser.parse(new String[] {"--temporal=cassandra"}))
                .hasMessage("--temporal must be one of postgres, dev, test-server, not 'cassandra'");
        assertThatThrownBy(() -> parser.parse(new String[] {"--temporal-in-stack"}))
                .hasMessageStartingWith("unknown option --temporal-in-stack")
                .hasMessageContaining("--temporal");
        assertThatThrownBy(() -> parser.parse(new String[] {"--temporal"}))
                .hasMessageContaining("--temporal needs a value");
    }

    @Test
    void quickChangesTheDefaultsAndExplicitFlagsStillWin() {
        BenchOptions options = parser.parse(new String[] {"--quick", "--duration", "5s", "--concurrency=2,3"});

        assertThat(options.quick()).isTrue();
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(1));
        assertThat(options.concurrency()).isEqualTo(List.of(2, 3));
        assertThat(options.stormEvents()).isEqualTo(50);
    }

    @Test
    void aTargetIsNotPaidAtUnlessAskedAndTheEnvironmentFillsIn() {
        OptionsParser fromEnvironment = new OptionsParser(
                Map.of("BENCH_TARGET", "http://10.0.0.5:8080/", "BENCH_WARMUP", "500ms", "BENCH_GROWTH", "true"));

        BenchOptions options = fromEnvironment.parse(new String[] {"--warmup", "2s"});

        assertThat(options.target()).isEqualTo(URI.create("http://10.0.0.5:8080"));
        assertThat(options.startsStack()).isFalse();
        assertThat(options.payAtEmulator()).isFalse();
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.growth()).isTrue();
        assertThat(fromEnvironment.parse(new String[] {"--pay-at-emulator"}).payAtEmulator())
                .isTrue();
    }

    @Test
    void badValuesNameTheOption() {
        assertThatThrownBy(() -> parser.parse(new String[] {"--duration", "soon"}))
                .hasMessageContaining("--duration");
        assertThatThrownBy(() -> parser.parse(new String[] {"--concurrency", "1,0"}))
                .hasMessageContaining("--concurrency");
        assertThatThrownBy(() -> parser.parse(new String[] {"--nonsense"}))
                .hasMessageContaining("unknown option --nonsense");
        assertThatThrownBy(() -> parser.parse(new String[] {"--target"}))
                .hasMessageContaining("--target needs a value");
    }

    @Test
    void durationsReadAndPrintBack() {
        assertThat(Durations.parse("x", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("x", "2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("x", "7")).isEqualTo(Duration.ofSeconds(7));
        assertThat(Durations.format(Duration.ofMillis(5))).isEqualTo("5ms");
        assertThat(Durations.format(Duration.ofSeconds(20))).isEqualTo("20s");
        assertThat(Durations.format(Duration.ofMinutes(3))).isEqualTo("3m");
    }
}
