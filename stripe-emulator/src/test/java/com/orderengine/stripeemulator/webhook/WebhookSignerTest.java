package com.orderengine.stripeemulator.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.net.Webhook;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    @Test
    void signsLikeStripeWithTheWholeSecretAsKey() throws Exception {
        String secret = "whsec_local_emulator_secret";
        String payload = "{\"id\":\"evt_1\",\"object\":\"event\"}";

        String header = new WebhookSigner(secret).signatureHeader(payload, 1_700_000_000L);

        assertThat(header).isEqualTo(Webhook.Signature.generateSignatureHeader(payload, secret, 1_700_000_000L));
        assertThat(Webhook.Signature.verifyHeader(payload, header, secret, 0)).isTrue();
    }
}
