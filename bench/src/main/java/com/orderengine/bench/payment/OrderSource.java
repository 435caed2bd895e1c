package com.orderengine.bench.payment;

import com.orderengine.bench.checkout.CartGenerator;
import com.orderengine.bench.checkout.CheckoutCall;
import com.orderengine.bench.checkout.CreatedOrder;
import com.orderengine.bench.http.BenchHttp;
import java.net.URI;
import java.util.Queue;

/** Pending orders to pay: those the checkout step created first, then new ones (made outside any timing). */
public final class OrderSource {

    private final Queue<CreatedOrder> created;
    private final BenchHttp http;
    private final URI checkout;
    private final CartGenerator carts;

    public OrderSource(Queue<CreatedOrder> created, BenchHttp http, URI checkout, CartGenerator carts) {
        this.created = created;
        this.http = http;
        this.checkout = checkout;
        this.carts = carts;
    }

    public CreatedOrder next() throws Exception {
        CreatedOrder order = created.poll();
        return order != null ? order : CheckoutCall.createOne(http, checkout, carts);
    }
}
