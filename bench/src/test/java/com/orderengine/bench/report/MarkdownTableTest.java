package com.orderengine.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orderengine.bench.load.LatencySummary;
import com.orderengine.bench.resources.ResourceUsage;
import com.orderengine.bench.results.StepResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownTableTest {

    @Test
    void rendersAHeaderARuleWithNumericColumnsRightAlignedAndTheRows() {
        String table = MarkdownTable.of("system", "clients#", "p50 ms#")
                .row("engine", 1, "4.20")
                .row("baseline", 32, "1.10")
                .render();

        assertThat(table).isEqualTo("""
                | system | clients | p50 ms |
                | --- | ---: | ---: |
                | engine | 1 | 4.20 |
                | baseline | 32 | 1.10 |
                """);
    }

    @Test
    void pipesAndLineBreaksInACellDoNotBreakTheTable() {
        String table = MarkdownTable.of("outcome").row("a|b\nc").render();

        assertThat(table.lines().toList()).containsExactly("| outcome |", "| --- |", "| a\\|b c |");
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsRefused() {
        assertThatThrownBy(() -> MarkdownTable.of("a", "b").row("only one"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStepTableHasOneRowPerSystemAndConcurrencyAndNaForWhatWasNotMeasured() {
        LatencySummary latency = new LatencySummary(100, 4.2, 7.5, 12.25, 30, 5);
        ResourceUsage usage = new ResourceUsage(95.4, 180.0, 211.7, 20.0, null, 41.2, 305.6, 12.6, 3.0, 10);
        List<StepResult> steps = List.of(
                new StepResult("checkout", "engine", 8, 1200, 60.0, 20, latency, 0, Map.of("200", 1200L), usage),
                new StepResult(
                        "checkout",
                        "baseline",
                        8,
                        2400,
                        120.0,
                        20,
                        latency,
                        2,
                        Map.of("200", 2398L, "503", 2L),
                        ResourceUsage.NONE));

        String table = ReportWriter.stepTable(steps);

        assertThat(table)
                .contains("| checkout | engine | 8 | 1,200 | 60.0 | 4.20 | 7.50 | 12.3 | 30.0 | 0 | 95 | "
                        + "212 | 41 | 306 | 13 | 20 | n/a | 3 |");
        assertThat(table).contains("| checkout | baseline | 8 | 2,400 | 120.0 |");
        assertThat(table).contains("| n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a |");
        assertThat(table).contains("Outcomes of checkout, baseline, 8 clients: {200=2398, 503=2}");
    }
}
