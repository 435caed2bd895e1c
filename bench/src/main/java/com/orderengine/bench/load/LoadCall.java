package com.orderengine.bench.load;

/** One client's unit of work, repeated in a closed loop; it measures the part that matters itself. */
public interface LoadCall {

    /** The metric an unexpected exception is counted against. */
    String metric();

    void call(Samples samples) throws Exception;
}
