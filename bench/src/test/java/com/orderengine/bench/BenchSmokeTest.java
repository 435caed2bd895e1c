package com.orderengine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderengine.bench.http.BenchHttp;
import com.orderengine.bench.options.BenchOptions;
import com.orderengine.bench.options.OptionsParser;
import com.orderengine.bench.report.ResultsFiles;
import com.orderengine.bench.results.MachineInfo;
import com.orderengine.bench.results.RunResults;
import com.orderengine.bench.results.StepResult;
import com.orderengine.bench.stack.ManagedStack;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whole benchmark in --quick mode against a local stack started as a child JVM, as the command runs it (with
 * its default Temporal, the CLI's dev server): every step for engine and baseline, no errors, the files written, and
 * every order it measured as paid really paid.
 */
class BenchSmokeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aQuickRunMeasuresBothSystemsWithoutErrorsAndWritesItsReport() throws Exception {
        BenchOptions options =
                new OptionsParser(Map.of()).parse(new String[] {"--quick", "--results", "target/bench-smoke"});
        ResultsFiles files = ResultsFiles.create(options.results(), ZonedDateTime.now());
        try (ManagedStack stack = ManagedStack.start(options.serverHeap(), options.temporal(), files.logs());
                BenchHttp http = new BenchHttp()) {
            MachineInfo machine = MachineInfo.current(ZonedDateTime.now(), "BenchSmokeTest --quick");
            BenchmarkRun run = new Benchmark(options, stack.target(), files.logs(), machine, http).run();
            RunResults results = run.results();
            Path report = files.write(results, run.paidOrderIds());

            assertThat(results.steps()).allSatisfy(step -> {
                assertThat(step.errors())
                        .as(step.step() + " " + step.system() + " " + step.concurrency() + " errors: "
                                + step.outcomes())
                        .isZero();
                assertThat(step.requests())
                        .as(step.step() + " " + step.system() + " " + step.concurrency())
                        .isPositive();
            });
            assertThat(results.steps())
                    .filteredOn(step -> step.step().equals("checkout"))
                    .extracting(step -> step.system() + "@" + step.concurrency())
                    .containsExactlyInAnyOrder("baseline@1", "baseline@4", "engine@1", "engine@4");
            assertThat(results.steps()).extracting(StepResult::step).contains("webhook accepted", "webhook to paid");
            // The default Temporal (the dev server) runs apart: its CPU and memory are measured in every engine step.
            assertThat(results.steps())
                    .filteredOn(step -> step.system().equals("engine"))
                    .allSatisfy(step -> {
                        assertThat(step.resources().serverMaxHeapMb()).isNotNull();
                        assertThat(step.resources().temporalCpuPercent()).isNotNull();
                        assertThat(step.resources().temporalMaxRssMb()).isPositive();
                    });

            assertThat(results.storm().step().outcomes()).containsOnlyKeys("200");
            assertThat(results.storm().step().requests()).isEqualTo(50);
            assertThat(results.storm().finalStatus()).isEqualTo("paid");
            assertThat(results.storm().paidTransitions()).isEqualTo(1);

            assertThat(run.paidOrderIds()).isNotEmpty();
            assertThat(results.paidCheck().allPaidOnce())
                    .as(results.paidCheck().toString())
                    .isTrue();
            for (String orderId : run.paidOrderIds()) {
                HttpResponse<String> order = http.get(stack.target().api("/api/orders/" + orderId));
                assertThat(order.statusCode()).isEqualTo(200);
                assertThat(JSON.readTree(order.body()).path("status").asText())
                        .as(orderId)
                        .isEqualTo("paid");
            }

            String markdown = Files.readString(report);
            assertThat(markdown)
                    .contains(
                            "| checkout | engine | 1 |",
                            "| checkout | engine | 4 |",
                            "| checkout | baseline | 1 |",
                            "| checkout | baseline | 4 |",
                            "| duplicate storm | engine | 10 | 50 |",
                            "Targets: ");
            assertThat(markdown.lines().filter(line -> line.startsWith("| ---")))
                    .as("report.md is one table")
                    .hasSize(1);
            JsonNode json = JSON.readTree(files.run().resolve(ResultsFiles.JSON).toFile());
            assertThat(json.path("machine").path("processors").asInt()).isPositive();
            assertThat(json.path("targets")).isNotEmpty();
            assertThat(json.path("processes")).isNotEmpty();
            byte[] png = Files.readAllBytes(files.run().resolve(ResultsFiles.CHART));
            assertThat(Arrays.copyOf(png, 4)).containsExactly(0x89, 'P', 'N', 'G');
            assertThat(files.run().resolve(ResultsFiles.JSON)).isNotEmptyFile();
            assertThat(options.results().resolve("latest").resolve(ResultsFiles.REPORT))
                    .isNotEmptyFile();
        }
    }
}
