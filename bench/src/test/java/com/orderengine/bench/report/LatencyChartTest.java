package com.orderengine.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderengine.bench.load.LatencySummary;
import com.orderengine.bench.resources.ResourceUsage;
import com.orderengine.bench.results.StepResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class LatencyChartTest {

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void drawsAPngOfBothSystemsOverThreeDecades(@TempDir Path directory) throws Exception {
        List<StepResult> steps = new ArrayList<>();
        int[] clients = {1, 8, 32, 64};
        for (int i = 0; i < clients.length; i++) {
            steps.add(step("engine", clients[i], 12 * (i + 1), 40 * (i + 1) * (i + 1)));
            steps.add(step("baseline", clients[i], 0.8 * (i + 1), 3 * (i + 1)));
        }
        Path png = directory.resolve("latency.png");

        LatencyChart.write(steps, png);

        byte[] bytes = Files.readAllBytes(png);
        assertThat(Arrays.copyOf(bytes, 4)).containsExactly(0x89, 'P', 'N', 'G');
        assertThat(bytes.length).isGreaterThan(5_000);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aRunWithoutCheckoutsStillGetsAChart(@TempDir Path directory) throws Exception {
        Path png = directory.resolve("latency.png");

        LatencyChart.write(List.of(), png);

        assertThat(png).isNotEmptyFile();
    }

    private static StepResult step(String system, int clients, double p50, double p99) {
        return new StepResult(
                "checkout",
                system,
                clients,
                100,
                10,
                10,
                new LatencySummary(100, p50, p50, p99, p99, p50),
                0,
                Map.of(),
                ResourceUsage.NONE);
    }
}
