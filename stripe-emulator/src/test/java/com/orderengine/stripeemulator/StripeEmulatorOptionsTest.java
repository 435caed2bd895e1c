package com.orderengine.stripeemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StripeEmulatorOptionsTest {

    @Test
    void defaultsKeepTheFirstReleasesBehaviour() {
        StripeEmulatorOptions options = StripeEmulatorOptions.defaults();

        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.port()).isZero();
        assertThat(options.webhookUrl()).isNull();
        assertThat(options.webhookSecret()).isEqualTo("whsec_local_emulator_secret");
        assertThat(options.apiVersion()).isEqualTo("2026-07-29.dahlia");
        assertThat(options.dataDirectory()).isNull();
        assertThat(options.deliveryMaxAttempts()).isEqualTo(8);
        assertThat(options.deliveryBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(options.expirySweepInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(new StripeEmulatorOptions("127.0.0.1", 0, null, Clock.systemUTC()))
                .isEqualTo(options);
    }

    @Test
    void eachWitherChangesOnlyItsOwnSetting() {
        StripeEmulatorOptions options = StripeEmulatorOptions.defaults()
                .withWebhookUrl("http://127.0.0.1:9/hook")
                .withWebhookSecret("whsec_x")
                .withApiVersion("2025-01-01.test")
                .withDataDirectory(Path.of("/tmp/stripe"))
                .withDeliveryMaxAttempts(3)
                .withDeliveryBackoff(Duration.ofMillis(50))
                .withExpirySweepInterval(Duration.ofMillis(20))
                .withPort(12111)
                .withPublicBaseUrl("http://stripe.local/");

        assertThat(options.webhookUrl()).isEqualTo("http://127.0.0.1:9/hook");
        assertThat(options.webhookSecret()).isEqualTo("whsec_x");
        assertThat(options.apiVersion()).isEqualTo("2025-01-01.test");
        assertThat(options.dataDirectory()).isEqualTo(Path.of("/tmp/stripe"));
        assertThat(options.deliveryMaxAttempts()).isEqualTo(3);
        assertThat(options.deliveryBackoff()).isEqualTo(Duration.ofMillis(50));
        assertThat(options.expirySweepInterval()).isEqualTo(Duration.ofMillis(20));
        assertThat(options.port()).isEqualTo(12111);
        assertThat(options.publicBaseUrl()).isEqualTo("http://stripe.local");
        assertThat(options.withWebhookUrl(" ").webhookUrl()).isNull();
    }

    @Test
    void rejectsSettingsThatCannotWork() {
        StripeEmulatorOptions options = StripeEmulatorOptions.defaults();

        assertThatThrownBy(() -> options.withDeliveryMaxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.withDeliveryBackoff(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.withExpirySweepInterval(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.withWebhookSecret(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StripeEmulator.start(options.withWebhookUrl("ftp://example.com/hook")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("webhook URL");
    }
}
