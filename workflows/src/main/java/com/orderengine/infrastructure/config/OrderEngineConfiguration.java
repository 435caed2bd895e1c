package com.orderengine.infrastructure.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The root {@code config.yml}, shared by the api and the worker so both read one file. */
public class OrderEngineConfiguration extends Configuration {

    @Valid
    @NotNull
    private DataSourceFactory database = new DataSourceFactory();

    @Valid
    @NotNull
    private MigrationsFactory migrations = new MigrationsFactory();

    @Valid
    @NotNull
    private TemporalFactory temporal = new TemporalFactory();

    @Valid
    @NotNull
    private StripeFactory stripe = new StripeFactory();

    @Valid
    @NotNull
    private CheckoutFactory checkout = new CheckoutFactory();

    @Valid
    @NotNull
    private BacklogFactory backlog = new BacklogFactory();

    @Valid
    @NotNull
    private AccountsFactory accounts = new AccountsFactory();

    @JsonProperty("accounts")
    public AccountsFactory getAccounts() {
        return accounts;
    }

    @JsonProperty("accounts")
    public void setAccounts(AccountsFactory accounts) {
        this.accounts = accounts;
    }

    @Valid
    @NotNull
    private MailFactory mail = new MailFactory();

    @JsonProperty("database")
    public DataSourceFactory getDatabase() {
        return database;
    }

    @JsonProperty("database")
    public void setDatabase(DataSourceFactory database) {
        this.database = database;
    }

    @JsonProperty("migrations")
    public MigrationsFactory getMigrations() {
        return migrations;
    }

    @JsonProperty("migrations")
    public void setMigrations(MigrationsFactory migrations) {
        this.migrations = migrations;
    }

    @JsonProperty("temporal")
    public TemporalFactory getTemporal() {
        return temporal;
    }

    @JsonProperty("temporal")
    public void setTemporal(TemporalFactory temporal) {
        this.temporal = temporal;
    }

    @JsonProperty("stripe")
    public StripeFactory getStripe() {
        return stripe;
    }

    @JsonProperty("stripe")
    public void setStripe(StripeFactory stripe) {
        this.stripe = stripe;
    }

    @JsonProperty("checkout")
    public CheckoutFactory getCheckout() {
        return checkout;
    }

    @JsonProperty("checkout")
    public void setCheckout(CheckoutFactory checkout) {
        this.checkout = checkout;
    }

    @JsonProperty("backlog")
    public BacklogFactory getBacklog() {
        return backlog;
    }

    @JsonProperty("backlog")
    public void setBacklog(BacklogFactory backlog) {
        this.backlog = backlog;
    }

    @JsonProperty("mail")
    public MailFactory getMail() {
        return mail;
    }

    @JsonProperty("mail")
    public void setMail(MailFactory mail) {
        this.mail = mail;
    }
}
