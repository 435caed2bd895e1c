package com.orderengine.api.order;

import com.orderengine.api.errors.ApiException;
import com.orderengine.infrastructure.logging.OrderLogContext;
import com.orderengine.order.db.OrderDao;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    /** What an order id looks like; any other answers the same 404 as an unknown one. */
    private static final String ORDER_ID = "^[A-Za-z0-9_-]{22}$";

    private final OrderDao orders;
    private final OrderViews views;
    private final OrderCancellation cancellation;

    public OrderResource(OrderDao orders, OrderViews views, OrderCancellation cancellation) {
        this.orders = orders;
        this.views = views;
        this.cancellation = cancellation;
    }

    @GET
    @Path("/{orderId}")
    @Operation(summary = "An order: status, items, total and refunds; 404 for an unknown or malformed id")
    public OrderView get(@Parameter(schema = @Schema(pattern = ORDER_ID)) @PathParam("orderId") String orderId) {
        OrderLogContext.set(orderId);
        // Malformed and unknown references take the same path (one indexed lookup) and get the same answer,
        // so neither the body nor the time tells an attacker which references exist.
        return orders.findByReference(orderId)
                .map(views::of)
                .orElseThrow(() -> ApiException.notFound("order not found"));
    }

    /** Cancels an unpaid order; 409 when it is paid or already final. Repeating it answers the same. */
    @POST
    @Path("/{orderId}/cancel")
    @Operation(
            summary = "Cancels an unpaid order (its Stripe session is expired first); a cancelled order answers "
                    + "the same, a paid or otherwise final one 409")
    public OrderView cancel(@Parameter(schema = @Schema(pattern = ORDER_ID)) @PathParam("orderId") String orderId) {
        OrderLogContext.set(orderId);
        return cancellation.cancel(orderId);
    }
}
