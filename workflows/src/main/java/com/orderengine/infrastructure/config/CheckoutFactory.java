package com.orderengine.infrastructure.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.concurrent.TimeUnit;

/** Rules of the shop's checkout: where customers return to, the currency, limits and session lifetime. */
public class CheckoutFactory {

    /** Stripe allows at most 100 line items in a payment-mode Checkout Session. */
    public static final int MAX_LINES = 100;

    @NotEmpty
    @Pattern(regexp = "https?://[^\\s]+", message = "must be an http(s) URL")
    private String siteUrl = "http://localhost:8080";

    @Pattern(regexp = "[a-z]{3}", message = "must be a lower-case ISO 4217 code such as usd")
    private String currency = "usd";

    @Min(1)
    @Max(999_999)
    private int maxQuantityPerLine = 99;

    /** Stripe accepts expires_at between 30 minutes and 24 hours ahead. */
    @MinDuration(value = 30, unit = TimeUnit.MINUTES)
    @MaxDuration(value = 24, unit = TimeUnit.HOURS)
    private Duration sessionTtl = Duration.minutes(60);

    /** How long POST /api/checkout waits for the workflow to hand back the session URL. */
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration urlTimeout = Duration.seconds(15);

    @JsonProperty
    public String getSiteUrl() {
        return siteUrl;
    }

    @JsonProperty
    public void setSiteUrl(String siteUrl) {
        this.siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
    }

    @JsonProperty
    public String getCurrency() {
        return currency;
    }

    @JsonProperty
    public void setCurrency(String currency) {
        this.currency = currency;
    }

    @JsonProperty
    public int getMaxQuantityPerLine() {
        return maxQuantityPerLine;
    }

    @JsonProperty
    public void setMaxQuantityPerLine(int maxQuantityPerLine) {
        this.maxQuantityPerLine = maxQuantityPerLine;
    }

    @JsonProperty
    public Duration getSessionTtl() {
        return sessionTtl;
    }

    @JsonProperty
    public void setSessionTtl(Duration sessionTtl) {
        this.sessionTtl = sessionTtl;
    }

    @JsonProperty
    public Duration getUrlTimeout() {
        return urlTimeout;
    }

    @JsonProperty
    public void setUrlTimeout(Duration urlTimeout) {
        this.urlTimeout = urlTimeout;
    }

    public String successUrl() {
        return siteUrl + "/checkout/success?session_id={CHECKOUT_SESSION_ID}";
    }

    public String cancelUrl() {
        return siteUrl + "/cart";
    }
}
