package com.orderengine.infrastructure.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.concurrent.TimeUnit;

/**
 * Customer accounts: how long a session and a mailed link live, and how many failed sign-ins are allowed before
 * the api answers 429. The defaults and their reasons are in docs/accounts.md.
 */
public class AccountsFactory {

    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    private Duration sessionIdleTimeout = Duration.days(7);

    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    @MaxDuration(value = 365, unit = TimeUnit.DAYS)
    private Duration sessionAbsoluteTimeout = Duration.days(30);

    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    @MaxDuration(value = 7, unit = TimeUnit.DAYS)
    private Duration verificationLinkLifetime = Duration.hours(24);

    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    @MaxDuration(value = 24, unit = TimeUnit.HOURS)
    private Duration resetLinkLifetime = Duration.minutes(30);

    /** Failed sign-ins for one account from one client address before 429, then one more per refill period. */
    @Min(1)
    @Max(1000)
    private int failuresPerAccountAndClient = 5;

    /** Failed sign-ins from one client address, whatever the account (password spraying), before 429. */
    @Min(1)
    @Max(100_000)
    private int failuresPerClient = 30;

    /** Failed sign-ins for one account from all clients together (a distributed guess), before 429. */
    @Min(1)
    @Max(100_000)
    private int failuresPerAccount = 100;

    /** How long a full allowance takes to refill; it refills gradually, a little at a time. */
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration failureWindow = Duration.minutes(15);

    /** Sign-up and reset mails one client address can ask for per mail window, before 429. */
    @Min(1)
    @Max(100_000)
    private int mailsPerClient = 20;

    /** Sign-up and reset mails one address receives per mail window; more are quietly not sent. */
    @Min(1)
    @Max(100_000)
    private int mailsPerRecipient = 5;

    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration mailWindow = Duration.hours(1);

    @JsonProperty
    public int getMailsPerClient() {
        return mailsPerClient;
    }

    @JsonProperty
    public void setMailsPerClient(int mailsPerClient) {
        this.mailsPerClient = mailsPerClient;
    }

    @JsonProperty
    public int getMailsPerRecipient() {
        return mailsPerRecipient;
    }

    @JsonProperty
    public void setMailsPerRecipient(int mailsPerRecipient) {
        this.mailsPerRecipient = mailsPerRecipient;
    }

    @JsonProperty
    public Duration getMailWindow() {
        return mailWindow;
    }

    @JsonProperty
    public void setMailWindow(Duration mailWindow) {
        this.mailWindow = mailWindow;
    }

    @JsonProperty
    public Duration getSessionIdleTimeout() {
        return sessionIdleTimeout;
    }

    @JsonProperty
    public void setSessionIdleTimeout(Duration sessionIdleTimeout) {
        this.sessionIdleTimeout = sessionIdleTimeout;
    }

    @JsonProperty
    public Duration getSessionAbsoluteTimeout() {
        return sessionAbsoluteTimeout;
    }

    @JsonProperty
    public void setSessionAbsoluteTimeout(Duration sessionAbsoluteTimeout) {
        this.sessionAbsoluteTimeout = sessionAbsoluteTimeout;
    }

    @JsonProperty
    public Duration getVerificationLinkLifetime() {
        return verificationLinkLifetime;
    }

    @JsonProperty
    public void setVerificationLinkLifetime(Duration verificationLinkLifetime) {
        this.verificationLinkLifetime = verificationLinkLifetime;
    }

    @JsonProperty
    public Duration getResetLinkLifetime() {
        return resetLinkLifetime;
    }

    @JsonProperty
    public void setResetLinkLifetime(Duration resetLinkLifetime) {
        this.resetLinkLifetime = resetLinkLifetime;
    }

    @JsonProperty
    public int getFailuresPerAccountAndClient() {
        return failuresPerAccountAndClient;
    }

    @JsonProperty
    public void setFailuresPerAccountAndClient(int failuresPerAccountAndClient) {
        this.failuresPerAccountAndClient = failuresPerAccountAndClient;
    }

    @JsonProperty
    public int getFailuresPerClient() {
        return failuresPerClient;
    }

    @JsonProperty
    public void setFailuresPerClient(int failuresPerClient) {
        this.failuresPerClient = failuresPerClient;
    }

    @JsonProperty
    public int getFailuresPerAccount() {
        return failuresPerAccount;
    }

    @JsonProperty
    public void setFailuresPerAccount(int failuresPerAccount) {
        this.failuresPerAccount = failuresPerAccount;
    }

    @JsonProperty
    public Duration getFailureWindow() {
        return failureWindow;
    }

    @JsonProperty
    public void setFailureWindow(Duration failureWindow) {
        this.failureWindow = failureWindow;
    }
}
