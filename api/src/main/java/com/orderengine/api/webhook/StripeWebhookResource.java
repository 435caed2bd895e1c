package com.orderengine.api.webhook;

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
    public Map<String, Object> receive(byte[] body, @HeaderParam("Stripe-Signature") String signature) {
        forwarder.forward(new String(body, StandardCharsets.UTF_8), signature);
        return Map.of("received", true);
    }
}
