package com.orderengine.bench.results;

import java.util.List;

/** Before and after the bulk insert, and what the insert took. */
public record GrowthResult(List<GrowthMeasurement> measurements, long insertedOrders, double insertSeconds) {}
