package com.orderengine.bench.warmup;

/**
 * How a system was warmed up before its first measured step: {@code seconds} of load at {@code clients}, and the
 * share of one core its JIT compiler threads still used in the last window ({@code -1} when it could not be
 * read). {@code settled} is false when the warm-up stopped at its limit instead.
 */
public record WarmupResult(
        String system, int clients, double seconds, long requests, double lastWindowJitPercent, boolean settled) {}
