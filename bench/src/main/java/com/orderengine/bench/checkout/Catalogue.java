package com.orderengine.bench.checkout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderengine.bench.http.BenchHttp;
import com.orderengine.bench.stack.Target;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** The product ids carts are made of, read once from {@code GET /api/products} (the demo catalogue). */
public final class Catalogue {

    private Catalogue() {}

    public static List<Integer> productIds(BenchHttp http, Target target) throws IOException, InterruptedException {
        HttpResponse<String> response = http.get(target.api("/api/products"));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /api/products answered " + response.statusCode());
        }
        List<Integer> ids = new ArrayList<>();
        for (JsonNode product : new ObjectMapper().readTree(response.body())) {
            ids.add(product.path("id").asInt());
        }
        if (ids.size() < 3) {
            throw new IllegalStateException("the catalogue has " + ids.size() + " products; the benchmark needs "
                    + "at least 3 (start the stack with DEMO_PRODUCTS=true)");
        }
        return List.copyOf(ids);
    }
}
