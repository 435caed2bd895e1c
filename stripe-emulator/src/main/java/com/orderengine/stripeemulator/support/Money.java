package com.orderengine.stripeemulator.support;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;

/** Formats amounts given in a currency's minor units ({@code 1999 usd} → {@code $19.99}) for people. */
public final class Money {

    /** Stripe's zero- and three-decimal currencies; Stripe, not the ISO tables, decides what a minor unit is. */
    private static final Set<String> ZERO_DECIMAL = Set.of(
            "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof",
            "xpf");

    private static final Set<String> THREE_DECIMAL = Set.of("bhd", "jod", "kwd", "omr", "tnd");

    private Money() {}

    public static String format(long minorUnits, String currency) {
        String code = currency == null ? "" : currency.toLowerCase(Locale.ROOT);
        int digits = ZERO_DECIMAL.contains(code) ? 0 : THREE_DECIMAL.contains(code) ? 3 : 2;
        DecimalFormat number = new DecimalFormat(
                digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits), DecimalFormatSymbols.getInstance(Locale.US));
        String amount = number.format(BigDecimal.valueOf(minorUnits, digits));
        String upper = code.toUpperCase(Locale.ROOT);
        String symbol = symbol(upper);
        return symbol == null ? amount + " " + upper : symbol + amount;
    }

    /** "$", "€", "£", "¥"…; null where the symbol is just the code (CHF), which then follows the amount. */
    private static String symbol(String code) {
        try {
            String symbol = Currency.getInstance(code).getSymbol(Locale.US);
            return symbol.equals(code) ? null : symbol;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
