package com.orderengine.dev.system;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.orderengine.api.ApiApplication;
import com.orderengine.dev.system.testing.OrderEngineStack;
import com.orderengine.infrastructure.config.OrderEngineConfiguration;
import com.orderengine.worker.WorkerApplication;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import org.junit.jupiter.api.Test;

/** A process without the secret it needs refuses to start and says which variable to set. */
class StartupTest {

    @Test
    void theApiNeedsTheWebhookSecret() {
        DropwizardTestSupport<OrderEngineConfiguration> support = new DropwizardTestSupport<>(
                ApiApplication.class,
                OrderEngineStack.CONFIG,
                "nosecret-api",
                ConfigOverride.randomPorts("nosecret-api"),
                ConfigOverride.config("nosecret-api", "stripe.webhookSecret", ""));

        assertThatThrownBy(support::before)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("STRIPE_WEBHOOK_SECRET");
        support.after();
    }

    @Test
    void theWorkerNeedsTheSecretKey() {
        DropwizardTestSupport<OrderEngineConfiguration> support = new DropwizardTestSupport<>(
                WorkerApplication.class,
                OrderEngineStack.CONFIG,
                "nosecret-worker",
                ConfigOverride.randomPorts("nosecret-worker"),
                ConfigOverride.config("nosecret-worker", "stripe.secretKey", ""));

        assertThatThrownBy(support::before)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("STRIPE_SECRET_KEY");
        support.after();
    }

    @Test
    void aKeyOfTheWrongKindIsRefused() {
        DropwizardTestSupport<OrderEngineConfiguration> support = new DropwizardTestSupport<>(
                WorkerApplication.class,
                OrderEngineStack.CONFIG,
                "wrongkey-worker",
                ConfigOverride.randomPorts("wrongkey-worker"),
                ConfigOverride.config("wrongkey-worker", "stripe.secretKey", "pk_test_publishable"));

        assertThatThrownBy(support::before)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must start with 'sk_'");
        support.after();
    }
}
