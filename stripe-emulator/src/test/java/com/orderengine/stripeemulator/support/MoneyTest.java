package com.orderengine.stripeemulator.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void formatsMinorUnitsByStripesDecimalsForTheCurrency() {
        assertThat(Money.format(1999, "usd")).isEqualTo("$19.99");
        assertThat(Money.format(154499, "usd")).isEqualTo("$1,544.99");
        assertThat(Money.format(5, "eur")).isEqualTo("€0.05");
        assertThat(Money.format(1999, "jpy")).isEqualTo("¥1,999");
        assertThat(Money.format(1999, "kwd")).isEqualTo("1.999 KWD");
        assertThat(Money.format(1250, "chf")).isEqualTo("12.50 CHF");
        assertThat(Money.format(0, "gbp")).isEqualTo("£0.00");
        assertThat(Money.format(100, "xyz")).isEqualTo("1.00 XYZ");
    }
}
