package com.orderengine.bench.growth;

import com.orderengine.bench.http.BenchHttp;
import com.orderengine.bench.load.LoadCall;
import com.orderengine.bench.load.Samples;
import com.orderengine.bench.stack.Target;
import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;

/** {@code GET /api/checkout/sessions/{sessionId}} for a random bulk order's session: the index lookup by session. */
final class SessionLookupCall implements LoadCall {

    static final String METRIC = "session lookup";

    private final BenchHttp http;
    private final Target target;
    private final long bulkOrders;

    SessionLookupCall(BenchHttp http, Target target, long bulkOrders) {
        this.http = http;
        this.target = target;
        this.bulkOrders = bulkOrders;
    }

    @Override
    public String metric() {
        return METRIC;
    }

    @Override
    public void call(Samples samples) throws Exception {
        long number = 1 + ThreadLocalRandom.current().nextLong(bulkOrders);
        long start = System.nanoTime();
        HttpResponse<String> response = http.get(target.api("/api/checkout/sessions/" + BulkOrders.sessionId(number)));
        long nanos = System.nanoTime() - start;
        if (response.statusCode() == 200) {
            samples.ok(METRIC, "200", nanos);
        } else {
            samples.error(METRIC, String.valueOf(response.statusCode()));
        }
    }
}
