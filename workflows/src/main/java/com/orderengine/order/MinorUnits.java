package com.orderengine.order;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/** Converts decimal prices to Stripe's integer minor units (cents for usd) exactly, never through double. */
public final class MinorUnits {

    private MinorUnits() {}

    public static long fromDecimal(BigDecimal amount, String currency) {
        int digits = fractionDigits(currency);
        try {
            return amount.movePointRight(digits).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    "Amount " + amount.toPlainString() + " has more decimals than " + currency + " allows", e);
        }
    }

    public static BigDecimal toDecimal(long minorUnits, String currency) {
        return BigDecimal.valueOf(minorUnits, fractionDigits(currency));
    }

    public static int fractionDigits(String currency) {
        int digits = Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getDefaultFractionDigits();
        return Math.max(digits, 0);
    }
}
