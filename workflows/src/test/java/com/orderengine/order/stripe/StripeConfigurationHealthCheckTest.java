package com.orderengine.order.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.health.HealthCheck.Result;
import org.junit.jupiter.api.Test;

class StripeConfigurationHealthCheckTest {

    @Test
    void aTestKeyAgainstStripeOrALocalEmulatorIsHealthy() {
        assertThat(check("https://api.stripe.com", "sk_test_abc", null).getMessage())
                .isEqualTo("Stripe at https://api.stripe.com, test mode");
        Result emulator = check("http://127.0.0.1:12111", "sk_test_abc", null);
        assertThat(emulator.isHealthy()).isTrue();
        assertThat(emulator.getMessage()).startsWith("Stripe emulator at");
        assertThat(check("https://api.stripe.com", null, "whsec_abc").getMessage())
                .endsWith("webhook signing secret set");
    }

    @Test
    void aLiveKeyPointedAnywhereButStripeIsUnhealthy() {
        assertThat(check("https://api.stripe.com", "sk_live_abc", null).getMessage())
                .endsWith("live mode");
        Result elsewhere = check("http://localhost:12111", "sk_live_abc", null);
        assertThat(elsewhere.isHealthy()).isFalse();
        assertThat(elsewhere.getMessage()).contains("live secret key", "not Stripe");
    }

    @Test
    void plainHttpToARemoteHostAndWrongKindsOfSecretAreUnhealthy() {
        assertThat(check("http://stripe.example.com", "sk_test_abc", null).getMessage())
                .contains("must be https");
        assertThat(check("not a url", "sk_test_abc", null).isHealthy()).isFalse();
        assertThat(check("https://api.stripe.com", "pk_test_abc", null).getMessage())
                .contains("STRIPE_SECRET_KEY");
        assertThat(check("https://api.stripe.com", null, "sk_test_abc").getMessage())
                .contains("STRIPE_WEBHOOK_SECRET");
    }

    private static Result check(String apiBase, String secretKey, String webhookSecret) {
        return new StripeConfigurationHealthCheck(apiBase, secretKey, webhookSecret).execute();
    }
}
