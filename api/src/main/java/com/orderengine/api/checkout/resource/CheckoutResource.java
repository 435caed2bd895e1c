package com.orderengine.api.checkout.resource;

import com.orderengine.api.checkout.model.CheckoutRequest;
import com.orderengine.api.checkout.model.CheckoutResponse;
import com.orderengine.api.checkout.service.CheckoutService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/checkout")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CheckoutResource {

    private final CheckoutService checkout;

    public CheckoutResource(CheckoutService checkout) {
        this.checkout = checkout;
    }

    @POST
    public CheckoutResponse start(@NotNull @Valid CheckoutRequest request,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return checkout.start(request, idempotencyKey);
    }
}
