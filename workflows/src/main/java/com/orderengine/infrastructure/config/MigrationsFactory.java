package com.orderengine.infrastructure.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.orderengine.infrastructure.db.DatabaseMigrations;
import io.dropwizard.db.ManagedDataSource;

/** Whether start-up applies the schema migrations, and whether the demo catalogue comes with them. */
public class MigrationsFactory {

    private boolean applyOnStart = true;

    private boolean demoProducts = true;

    @JsonProperty
    public boolean isApplyOnStart() {
        return applyOnStart;
    }

    @JsonProperty
    public void setApplyOnStart(boolean applyOnStart) {
        this.applyOnStart = applyOnStart;
    }

    @JsonProperty
    public boolean isDemoProducts() {
        return demoProducts;
    }

    @JsonProperty
    public void setDemoProducts(boolean demoProducts) {
        this.demoProducts = demoProducts;
    }

    /** Applies pending migrations when configured to; both api and worker call this, Liquibase's lock serialises them. */
    public void applyIfEnabled(ManagedDataSource dataSource) {
        if (applyOnStart) {
            DatabaseMigrations.apply(dataSource, demoProducts);
        }
    }
}
