package com.orderengine.bench.results;

import java.util.List;
import java.util.Map;

/** The lookup paths measured with a given number of orders in the database, and the lookups' query plans. */
public record GrowthMeasurement(String label, long ordersAtStart, List<StepResult> steps, Map<String, String> plans) {}
