package com.orderengine.dev.system.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderengine.dev.system.testing.ApiClient;
import com.orderengine.dev.system.testing.ApiClient.Reply;
import com.orderengine.dev.system.testing.OrderEngineStack;
import com.orderengine.infrastructure.config.OrderEngineConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Temporal is up but no worker polls (every worker down): the checkout update is never accepted. The api must
 * still answer within its URL timeout, 503 with a retry hint, instead of holding the request open.
 */
class NoWorkerSystemTest {

    @RegisterExtension
    @Order(0)
    static final OrderEngineStack stack = new OrderEngineStack();

    @RegisterExtension
    @Order(1)
    static final DropwizardAppExtension<OrderEngineConfiguration> api =
            stack.api(stack.temporalTarget(), ConfigOverride.config("api", "checkout.urlTimeout", "2s"));

    @Test
    void aCheckoutNoWorkerTakesUpIsAnswered503WithinTheUrlTimeout() {
        long started = System.nanoTime();
        Reply reply = new ApiClient(api.getLocalPort())
                .postJson(
                        "/api/checkout",
                        "{\"items\":[{\"productId\":1,\"quantity\":1}],\"email\":\"a@example.com\"}",
                        Map.of("Idempotency-Key", "no-worker-1"));
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(reply.status()).as(reply.body()).isEqualTo(503);
        assertThat(reply.text("error")).contains("retry with the same Idempotency-Key");
        assertThat(millis).as("the 2 s URL timeout, plus slack").isLessThan(6_000);
    }
}
