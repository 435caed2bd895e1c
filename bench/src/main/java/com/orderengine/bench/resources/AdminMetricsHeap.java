package com.orderengine.bench.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Heap in use, read from a Dropwizard admin port's {@code GET /metrics} (gauge {@code jvm.memory.heap.used}): the
 * way to watch a server given by --target without its pid. The baseline serves the gauge in the same shape.
 */
public final class AdminMetricsHeap implements HeapSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final URI metrics;

    public AdminMetricsHeap(URI admin) {
        this.metrics = URI.create(admin + "/metrics");
    }

    @Override
    public OptionalLong usedBytes() {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(metrics)
                            .timeout(Duration.ofSeconds(2))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return OptionalLong.empty();
            }
            return gauge(JSON.readTree(response.body()), "jvm.memory.heap.used");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        } catch (Exception e) {
            return OptionalLong.empty();
        }
    }

    static OptionalLong gauge(JsonNode metrics, String name) {
        JsonNode value = metrics.path("gauges").path(name).path("value");
        return value.isNumber() ? OptionalLong.of(value.asLong()) : OptionalLong.empty();
    }
}
