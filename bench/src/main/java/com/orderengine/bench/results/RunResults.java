package com.orderengine.bench.results;

import com.orderengine.bench.db.PaidCheck;
import com.orderengine.bench.warmup.WarmupResult;
import java.util.List;
import java.util.Map;

/** Everything one run measured: what results.json holds and report.md shows. */
public record RunResults(
        MachineInfo machine,
        Map<String, String> settings,
        List<ProcessInfo> processes,
        List<WarmupResult> warmups,
        List<StepResult> steps,
        PaidCheck paidCheck,
        StormResult storm,
        GrowthResult growth,
        List<TargetOutcome> targets) {}
