package com.orderengine.bench.baseline;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The same cart rules as the engine's checkout, so both do the same work per request. */
final class CartValidator {

    static final int MAX_LINES = 100;
    static final int MAX_QUANTITY = 99;

    private CartValidator() {}

    static List<CartLine> validate(CheckoutBody body) {
        if (body == null || body.items() == null || body.items().isEmpty()) {
            throw new CheckoutRefused(422, "items must not be empty");
        }
        if (body.items().size() > MAX_LINES) {
            throw new CheckoutRefused(422, "items must have at most " + MAX_LINES + " lines");
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < body.items().size(); i++) {
            CartLine line = body.items().get(i);
            if (line == null || line.productId() == null || line.productId() < 1) {
                throw new CheckoutRefused(422, "items[" + i + "].productId must be a positive number");
            }
            if (line.quantity() == null || line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                throw new CheckoutRefused(422, "items[" + i + "].quantity must be between 1 and " + MAX_QUANTITY);
            }
            if (!seen.add(line.productId())) {
                throw new CheckoutRefused(422, "items[" + i + "].productId appears twice");
            }
        }
        if (body.email() != null && !body.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new CheckoutRefused(422, "email must be a well-formed email address");
        }
        return body.items();
    }
}
