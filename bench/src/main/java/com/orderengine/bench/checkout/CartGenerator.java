package com.orderengine.bench.checkout;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Checkout bodies: 1 to 3 different products, 1 to 3 of each, and an address; no prices (the server has them). */
public final class CartGenerator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final List<Integer> productIds;

    public CartGenerator(List<Integer> productIds) {
        this.productIds = List.copyOf(productIds);
    }

    public String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<Integer> shuffled = new ArrayList<>(productIds);
        Collections.shuffle(shuffled, random);
        int lines = 1 + random.nextInt(3);
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray("items");
        for (Integer productId : shuffled.subList(0, lines)) {
            items.addObject().put("productId", productId).put("quantity", 1 + random.nextInt(3));
        }
        body.put("email", "bench+" + SEQUENCE.incrementAndGet() + "@example.com");
        return body.toString();
    }
}
