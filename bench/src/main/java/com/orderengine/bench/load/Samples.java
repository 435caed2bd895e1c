package com.orderengine.bench.load;

/** Where one client's calls report what they measured; during the warm-up nothing is kept. */
public interface Samples {

    /** A call that succeeded, and how long the measured part took. */
    void ok(String metric, String outcome, long nanos);

    /** A call that failed: a non-2xx status, an exception, a timeout. */
    void error(String metric, String outcome);

    Samples DISCARD = new Samples() {
        @Override
        public void ok(String metric, String outcome, long nanos) {}

        @Override
        public void error(String metric, String outcome) {}
    };
}
