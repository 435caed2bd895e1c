package com.orderengine.bench.baseline;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /metrics} on the baseline's admin port, in the shape of Dropwizard's (two of its gauges), so the
 * benchmark samples both servers' heap the same way.
 */
final class MetricsHandler implements HttpHandler {

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            String body = "{\"gauges\":{\"jvm.memory.heap.used\":{\"value\":" + heap.getUsed()
                    + "},\"jvm.memory.heap.max\":{\"value\":" + heap.getMax() + "}}}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
