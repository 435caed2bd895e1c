package com.orderengine.api.http;

/** Shapes the OpenAPI document states for values that recur across the api. */
public final class ApiSchemas {

    /** Money: a decimal string with two decimals, so no client rounds it through a float. */
    public static final String MONEY = "^\\d+\\.\\d{2}$";

    public static final String MONEY_DESCRIPTION = "an amount in the order's currency, as a decimal string";

    /**
     * WellFormedEmail's rule in a dialect every client's regex engine reads (control characters as ranges); the
     * server also refuses Unicode format characters such as a right-to-left override.
     */
    public static final String EMAIL =
            "^[^@\\s\\x00-\\x1f\\x7f-\\x9f]+@[^@\\s\\x00-\\x1f\\x7f-\\x9f]+\\.[^@\\s\\x00-\\x1f\\x7f-\\x9f]+$";

    private ApiSchemas() {}
}
