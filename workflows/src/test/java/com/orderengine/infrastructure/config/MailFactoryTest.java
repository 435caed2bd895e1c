package com.orderengine.infrastructure.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderengine.mail.SmtpMailer;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MailFactoryTest {

    private final Validator validator = Validators.newValidator();

    @Test
    void theDefaultsAreTheLocalStacksGreenMailAndTheMessageIdDomainIsTheSenders() {
        MailFactory mail = new MailFactory();

        assertThat(validator.validate(mail)).isEmpty();
        SmtpMailer.Settings settings = mail.build().settings();
        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(3025);
        assertThat(settings.tls()).isEqualTo(SmtpMailer.Tls.NONE);
        assertThat(settings.from().getAddress()).isEqualTo("shop@localhost");
        assertThat(settings.from().getPersonal()).isEqualTo("Order Engine Shop");
        assertThat(mail.messageIdDomain()).isEqualTo("localhost");

        mail.setFrom("Shop <Orders@Shop.Example.COM>");
        assertThat(mail.messageIdDomain()).isEqualTo("shop.example.com");
        mail.setMessageIdDomain("mail.shop.example.com");
        assertThat(mail.messageIdDomain()).isEqualTo("mail.shop.example.com");
    }

    @Test
    void aMalformedSenderADomainThatIsNoneAndAPasswordWithoutUserAreRefused() {
        MailFactory mail = new MailFactory();
        mail.setFrom("the shop");
        mail.setMessageIdDomain("a b");
        mail.setPassword("secret");

        assertThat(validator.validate(mail).stream()
                        .map(ConstraintViolation::getMessage)
                        .collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(
                        "from must be an address such as 'Shop <shop@example.com>'",
                        "messageIdDomain must be a domain name such as shop.example.com",
                        "password is set but username is empty");
    }

    @Test
    void theTlsModesReadAsWrittenInConfigYml() throws Exception {
        YamlConfigurationFactory<MailFactory> factory =
                new YamlConfigurationFactory<>(MailFactory.class, validator, Jackson.newObjectMapper(), "mail");
        String yaml = "tls: starttls\nusername: shop\npassword: pw\nport: 587\n";
        MailFactory mail =
                factory.build(path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "mail.yml");

        assertThat(mail.getTls()).isEqualTo(SmtpMailer.Tls.STARTTLS);
        assertThat(mail.build().settings().port()).isEqualTo(587);
        assertThat(factory.build(
                                path -> new ByteArrayInputStream("tls: implicit\n".getBytes(StandardCharsets.UTF_8)),
                                "mail.yml")
                        .getTls())
                .isEqualTo(SmtpMailer.Tls.IMPLICIT);
    }
}
