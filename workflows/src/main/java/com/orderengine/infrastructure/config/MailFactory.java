package com.orderengine.infrastructure.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.orderengine.mail.SmtpMailer;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Mail to customers: the SMTP server the worker's relay hands the {@code outgoing_mail} outbox to, who the mail is
 * from, and how often the relay looks for mail to send. The defaults are the local stack's GreenMail.
 */
public class MailFactory {

    @NotEmpty
    private String host = "127.0.0.1";

    @Min(1)
    @Max(65_535)
    private int port = 3025;

    /** Empty for a server that needs no login. */
    private String username = "";

    private String password = "";

    @NotNull
    private SmtpMailer.Tls tls = SmtpMailer.Tls.NONE;

    /** The From header, a display name and address: {@code Order Engine Shop <shop@localhost>}. */
    @NotEmpty
    private String from = "Order Engine Shop <shop@localhost>";

    /** How the mail texts name the shop. */
    @NotEmpty
    private String shopName = "Order Engine Shop";

    /** The right-hand side of every Message-ID; empty for the From address's domain. */
    private String messageIdDomain = "";

    @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
    private Duration connectTimeout = Duration.seconds(10);

    /** Bounds each read from and write to the server. */
    @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
    private Duration readTimeout = Duration.seconds(30);

    /** How often the relay looks for mail that is due; how long a new mail waits at most before it goes. */
    @MinDuration(value = 50, unit = TimeUnit.MILLISECONDS)
    @MaxDuration(value = 1, unit = TimeUnit.MINUTES)
    private Duration pollInterval = Duration.milliseconds(500);

    /** A mail the server did not take is tried again after 1 s, doubling up to this, for as long as it takes. */
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration retryMaxDelay = Duration.seconds(60);

    @JsonProperty
    public String getHost() {
        return host;
    }

    @JsonProperty
    public void setHost(String host) {
        this.host = host;
    }

    @JsonProperty
    public int getPort() {
        return port;
    }

    @JsonProperty
    public void setPort(int port) {
        this.port = port;
    }

    @JsonProperty
    public String getUsername() {
        return username;
    }

    @JsonProperty
    public void setUsername(String username) {
        this.username = username == null ? "" : username;
    }

    @JsonProperty
    public String getPassword() {
        return password;
    }

    @JsonProperty
    public void setPassword(String password) {
        this.password = password == null ? "" : password;
    }

    @JsonProperty
    public SmtpMailer.Tls getTls() {
        return tls;
    }

    @JsonProperty
    public void setTls(SmtpMailer.Tls tls) {
        this.tls = tls;
    }

    @JsonProperty
    public String getFrom() {
        return from;
    }

    @JsonProperty
    public void setFrom(String from) {
        this.from = from;
    }

    @JsonProperty
    public String getShopName() {
        return shopName;
    }

    @JsonProperty
    public void setShopName(String shopName) {
        this.shopName = shopName;
    }

    @JsonProperty
    public String getMessageIdDomain() {
        return messageIdDomain;
    }

    @JsonProperty
    public void setMessageIdDomain(String messageIdDomain) {
        this.messageIdDomain = messageIdDomain == null ? "" : messageIdDomain.trim();
    }

    @JsonProperty
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    @JsonProperty
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    @JsonProperty
    public Duration getReadTimeout() {
        return readTimeout;
    }

    @JsonProperty
    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    @JsonProperty
    public Duration getPollInterval() {
        return pollInterval;
    }

    @JsonProperty
    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    @JsonProperty
    public Duration getRetryMaxDelay() {
        return retryMaxDelay;
    }

    @JsonProperty
    public void setRetryMaxDelay(Duration retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    @JsonIgnore
    @ValidationMethod(message = "from must be an address such as 'Shop <shop@example.com>'")
    public boolean isFromAnAddress() {
        return fromAddress() != null;
    }

    @JsonIgnore
    @ValidationMethod(message = "password is set but username is empty")
    public boolean isPasswordWithUsername() {
        return password.isEmpty() || !username.isEmpty();
    }

    @JsonIgnore
    @ValidationMethod(message = "messageIdDomain must be a domain name such as shop.example.com")
    public boolean isMessageIdDomainValid() {
        return messageIdDomain.isEmpty() || messageIdDomain.matches("[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?");
    }

    /** The domain of every Message-ID: the setting, or the From address's domain. */
    public String messageIdDomain() {
        if (!messageIdDomain.isEmpty()) {
            return messageIdDomain;
        }
        String address = fromAddress().getAddress();
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    /** Connects to the server only when it sends. */
    public SmtpMailer build() {
        return new SmtpMailer(new SmtpMailer.Settings(
                host,
                port,
                username,
                password,
                tls,
                fromAddress(),
                java.time.Duration.ofMillis(connectTimeout.toMilliseconds()),
                java.time.Duration.ofMillis(readTimeout.toMilliseconds())));
    }

    private InternetAddress fromAddress() {
        try {
            InternetAddress address = new InternetAddress(from, true);
            return address.getAddress().indexOf('@') > 0 ? address : null;
        } catch (AddressException e) {
            return null;
        }
    }
}
