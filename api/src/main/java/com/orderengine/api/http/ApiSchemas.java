package com.orderengine.api.http;

/** Shapes the OpenAPI document states for values that recur across the api. */
public final class ApiSchemas {

    /** Money: a decimal string with two decimals, so no client rounds it through a float. */
    public static final String MONEY = "^\\d+\\.\\d{2}$";

    public static final String MONEY_DESCRIPTION = "an amount in the order's currency, as a decimal string";

    private ApiSchemas() {}
}
