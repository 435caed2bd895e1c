package com.orderengine.bench.load;

/** A call that sleeps {@code millis} and counts itself a success: load with a known pace, for tests. */
public final class NappingCall implements LoadCall {

    private final String metric;
    private final long millis;

    public NappingCall(String metric, long millis) {
        this.metric = metric;
        this.millis = millis;
    }

    @Override
    public String metric() {
        return metric;
    }

    @Override
    public void call(Samples samples) throws InterruptedException {
        long start = System.nanoTime();
        Thread.sleep(millis);
        samples.ok(metric, "ok", System.nanoTime() - start);
    }
}
