package com.orderengine.bench;

import com.orderengine.bench.report.Numbers;
import com.orderengine.bench.results.StepResult;

/** One line per measured step on stdout, so a long run shows where it is. */
public final class Progress {

    private Progress() {}

    public static void say(String message) {
        System.out.println("[bench] " + message);
    }

    public static StepResult report(StepResult step) {
        say(String.format(
                "%-17s %-8s %3d clients: %7d req %8s req/s  p50 %7s  p99 %7s  max %7s ms  errors %d"
                        + "  server CPU %s%%  heap %s MB%s",
                step.step(),
                step.system(),
                step.concurrency(),
                step.requests(),
                Numbers.rate(step.perSecond()),
                Numbers.millis(step.latency().p50()),
                Numbers.millis(step.latency().p99()),
                Numbers.millis(step.latency().max()),
                step.errors(),
                Numbers.whole(step.resources().serverCpuPercent()),
                Numbers.whole(step.resources().serverMaxHeapMb()),
                step.resources().temporalCpuPercent() == null
                        ? ""
                        : "  temporal CPU "
                                + Numbers.whole(step.resources().temporalCpuPercent()) + "%  RSS "
                                + Numbers.whole(step.resources().temporalMaxRssMb()) + " MB"
                                + (step.resources().temporalDatabaseCpuPercent() == null
                                        ? ""
                                        : "  its db CPU "
                                                + Numbers.whole(step.resources().temporalDatabaseCpuPercent()) + "%")));
        return step;
    }
}
