package com.orderengine.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MinorUnitsTest {

    @Test
    void decimalPricesBecomeExactCents() {
        assertThat(MinorUnits.fromDecimal(new BigDecimal("19.99"), "usd")).isEqualTo(1999);
        // 0.29 * 100 in double is 28.999999999999996; BigDecimal is exact.
        assertThat(MinorUnits.fromDecimal(new BigDecimal("0.29"), "usd")).isEqualTo(29);
        assertThat(MinorUnits.fromDecimal(new BigDecimal("14.1"), "eur")).isEqualTo(1410);
        assertThat(MinorUnits.fromDecimal(new BigDecimal("99999999.99"), "usd")).isEqualTo(9_999_999_999L);
    }

    @Test
    void zeroDecimalCurrenciesAreNotMultiplied() {
        assertThat(MinorUnits.fromDecimal(new BigDecimal("500"), "jpy")).isEqualTo(500);
        assertThatThrownBy(() -> MinorUnits.fromDecimal(new BigDecimal("500.50"), "jpy"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void minorUnitsConvertBack() {
        assertThat(MinorUnits.toDecimal(4799, "usd")).isEqualByComparingTo("47.99");
    }
}
