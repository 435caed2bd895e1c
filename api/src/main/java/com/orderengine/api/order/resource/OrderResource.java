package com.orderengine.api.order.resource;

import com.orderengine.api.errors.ApiException;
import com.orderengine.api.order.model.OrderView;
import com.orderengine.order.OrderReference;
import com.orderengine.order.db.OrderDao;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    private final OrderDao orders;

    public OrderResource(OrderDao orders) {
        this.orders = orders;
    }

    @GET
    @Path("/{orderId}")
    public OrderView get(@PathParam("orderId") String orderId) {
        if (!OrderReference.isWellFormed(orderId)) {
            throw ApiException.notFound("order not found");
        }
        return orders.findByReference(orderId)
                .map(order -> OrderView.of(order, orders.findItems(order.id())))
                .orElseThrow(() -> ApiException.notFound("order not found"));
    }
}
