package com.orderengine.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalStackSettingsTest {

    @Test
    void byDefaultTheStackStartsItsOwnTemporalOnTemporalPort() {
        LocalStackSettings settings = LocalStackSettings.fromEnvironment(Map.of("TEMPORAL_PORT", "17233"));

        assertThat(settings.startsTemporal()).isTrue();
        assertThat(settings.temporalAddress()).isEqualTo("127.0.0.1:17233");
        assertThat(settings.temporalUiPort())
                .as("the Temporal CLI's rule: frontend port + 1000")
                .isEqualTo(18233);
    }

    @Test
    void theWebUiPortHasItsOwnVariable() {
        assertThat(LocalStackSettings.fromEnvironment(Map.of()).temporalUiPort())
                .isEqualTo(8233);
        assertThat(LocalStackSettings.fromEnvironment(Map.of("TEMPORAL_UI_PORT", "9233"))
                        .temporalUiPort())
                .isEqualTo(9233);
    }

    @Test
    void aTemporalAddressIsUsedInsteadOfStartingOne() {
        LocalStackSettings settings = LocalStackSettings.fromEnvironment(
                Map.of("TEMPORAL_ADDRESS", " 10.0.0.5:7233 ", "TEMPORAL_PORT", "17233"));

        assertThat(settings.startsTemporal()).isFalse();
        assertThat(settings.temporalAddress()).isEqualTo("10.0.0.5:7233");
    }

    @Test
    void aBlankTemporalAddressMeansNone() {
        assertThat(LocalStackSettings.fromEnvironment(Map.of("TEMPORAL_ADDRESS", " "))
                        .startsTemporal())
                .isTrue();
    }

    @Test
    void aDatabaseUrlIsUsedInsteadOfStartingPostgres() {
        LocalStackSettings own = LocalStackSettings.fromEnvironment(Map.of("POSTGRES_PORT", "15499"));
        assertThat(own.startsDatabase()).isTrue();
        assertThat(own.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:15499/shop");

        LocalStackSettings external = LocalStackSettings.fromEnvironment(Map.of(
                "DATABASE_URL", "jdbc:postgresql://db.internal:5432/shop",
                "DATABASE_USER", "shop",
                "DATABASE_PASSWORD", "s3cret"));
        assertThat(external.startsDatabase()).isFalse();
        assertThat(external.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/shop");
        assertThat(external.databaseUser()).isEqualTo("shop");
        assertThat(external.databasePassword()).isEqualTo("s3cret");
    }

    @Test
    void theEmulatorSendsWebhooksUnlessToldNotTo() {
        assertThat(LocalStackSettings.fromEnvironment(Map.of()).emulatorWebhooks())
                .isTrue();
        assertThat(LocalStackSettings.fromEnvironment(Map.of("STRIPE_EMULATOR_WEBHOOKS", "false"))
                        .emulatorWebhooks())
                .isFalse();
    }

    @Test
    void anotherStripeApiBaseMeansNoEmulator() {
        assertThat(LocalStackSettings.fromEnvironment(Map.of()).usesEmulator()).isTrue();
        assertThat(LocalStackSettings.fromEnvironment(Map.of("STRIPE_API_BASE", "https://api.stripe.com"))
                        .usesEmulator())
                .isFalse();
    }

    @Test
    void theMailServerListensOnGreenMailsUsualPortsUnlessToldOtherwise() {
        LocalStackSettings defaults = LocalStackSettings.fromEnvironment(Map.of());
        assertThat(List.of(defaults.smtpPort(), defaults.imapPort(), defaults.mailPagePort()))
                .containsExactly(3025, 3143, 8025);
        LocalStackSettings moved = LocalStackSettings.fromEnvironment(
                Map.of("MAIL_SMTP_PORT", "13025", "MAIL_IMAP_PORT", "13143", "MAIL_PAGE_PORT", "18025"));
        assertThat(List.of(moved.smtpPort(), moved.imapPort(), moved.mailPagePort()))
                .containsExactly(13025, 13143, 18025);
    }

    @Test
    void aPortThatIsNotANumberIsNamed() {
        assertThatThrownBy(() -> LocalStackSettings.fromEnvironment(Map.of("TEMPORAL_PORT", "seven")))
                .hasMessageContaining("TEMPORAL_PORT");
    }
}
