package com.orderengine.bench;

import com.orderengine.bench.results.RunResults;
import java.util.List;

/** A run's results, and the ids of the orders it measured as paid (kept out of results.json: there may be many). */
public record BenchmarkRun(RunResults results, List<String> paidOrderIds) {}
