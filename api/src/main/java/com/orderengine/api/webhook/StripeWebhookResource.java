package com.orderengine.api.webhook;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Map;

@Path("/webhooks/stripe")
@Produces(MediaType.APPLICATION_JSON)
public class StripeWebhookResource {

    private final StripeEventForwarder forwarder;

    public StripeWebhookResource(StripeEventForwarder forwarder) {
        this.forwarder = forwarder;
    }

    /** The raw bytes are what Stripe signed; they are verified before anything is parsed. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Stripe's events: verified against the signature, then handed to the order's workflow; 503 "
                    + "with Retry-After tells Stripe to come back later")
    public Map<String, Object> receive(
            @RequestBody(
                            required = true,
                            description = "The event exactly as Stripe signed it",
                            content =
                                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object")))
                    byte[] body,
            @Parameter(
                            required = true,
                            description = "Stripe's signature of the body: t=<unix seconds>,v1=<hex HMAC-SHA256>",
                            schema =
                                    @Schema(
                                            example =
                                                    "t=1795593239,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd"))
                    @HeaderParam("Stripe-Signature")
                    String signature) {
        forwarder.forward(new String(body, StandardCharsets.UTF_8), signature);
        return Map.of("received", true);
    }
}
