package com.orderengine.api.checkout;

import com.orderengine.api.account.AccountSessions;
import com.orderengine.api.account.SessionCookie;
import com.orderengine.api.errors.ApiException;
import com.orderengine.infrastructure.logging.OrderLogContext;
import com.orderengine.order.db.OrderDao;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.regex.Pattern;

@Path("/checkout")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CheckoutResource {

    private static final Pattern SESSION_ID = Pattern.compile("cs_[A-Za-z0-9_]{1,250}");

    private final CheckoutService checkout;
    private final OrderDao orders;
    private final AccountSessions sessions;

    public CheckoutResource(CheckoutService checkout, OrderDao orders, AccountSessions sessions) {
        this.checkout = checkout;
        this.orders = orders;
        this.sessions = sessions;
    }

    @POST
    @CountedCheckout
    @Operation(
            summary = "Starts a checkout: prices the cart from the catalogue, creates the order and its Stripe "
                    + "Checkout Session, and answers the hosted page's URL")
    public CheckoutResponse start(
            @RequestBody(required = true) @NotNull @Valid CheckoutRequest request,
            @Parameter(
                            description = "Makes a retry safe: the same key returns the same order and URL and "
                                    + "creates nothing new; the same key with another cart answers 422",
                            schema = @Schema(maxLength = 255, example = "8a2b7c1e-checkout"))
                    @HeaderParam("Idempotency-Key")
                    String idempotencyKey,
            @Parameter(hidden = true) @CookieParam(SessionCookie.NAME) String session) {
        // A cookie whose session ended checks out as a guest: the storefront shows the customer signed out.
        return checkout.start(request, idempotencyKey, sessions.accountOf(session));
    }

    /** Stripe sends the customer back with {@code ?session_id=cs_…}; this turns it into the order. */
    @GET
    @Path("/sessions/{sessionId}")
    @Operation(summary = "The order behind a Checkout Session, where Stripe's success redirect starts")
    public CheckoutSessionOrder order(
            @Parameter(schema = @Schema(pattern = "^cs_[A-Za-z0-9_]{1,250}$")) @PathParam("sessionId")
                    String sessionId) {
        if (!SESSION_ID.matcher(sessionId).matches()) {
            throw ApiException.notFound("checkout session not found");
        }
        return orders.findBySessionId(sessionId)
                .map(order -> {
                    OrderLogContext.set(order.reference());
                    return new CheckoutSessionOrder(order.reference(), order.status());
                })
                .orElseThrow(() -> ApiException.notFound("checkout session not found"));
    }
}
