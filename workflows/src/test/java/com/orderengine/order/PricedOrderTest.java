package com.orderengine.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PricedOrderTest {

    @Test
    void linesAddUpExactlyInDecimalAndMinorUnits() {
        PricedOrder order = PricedOrder.of(
                "o",
                "usd",
                List.of(
                        PricedLine.of(1, "Mug", 3, new BigDecimal("0.10"), "usd"),
                        PricedLine.of(2, "Tote", 1, new BigDecimal("0.20"), "usd")));

        assertThat(order.total()).isEqualByComparingTo("0.50"); // 0.1 * 3 + 0.2 is not 0.5 in double
        assertThat(order.amountTotal()).isEqualTo(50);
        assertThat(order.exceedsMaximumPayment()).isFalse();
    }

    @Test
    void stripesCeilingIsTheLimit() {
        PricedOrder atLimit =
                PricedOrder.of("o", "usd", List.of(PricedLine.of(1, "Big", 1, new BigDecimal("999999.99"), "usd")));
        PricedOrder overLimit =
                PricedOrder.of("o", "usd", List.of(PricedLine.of(1, "Big", 2, new BigDecimal("500000.00"), "usd")));

        assertThat(atLimit.exceedsMaximumPayment()).isFalse();
        assertThat(overLimit.exceedsMaximumPayment()).isTrue();
    }

    @Test
    void anOverflowingSumIsAnErrorNotAWrapAround() {
        assertThatThrownBy(() -> PricedOrder.of(
                        "o",
                        "usd",
                        List.of(new PricedLine(1, "Huge", Integer.MAX_VALUE, BigDecimal.ONE, Long.MAX_VALUE / 2))))
                .isInstanceOf(ArithmeticException.class);
    }
}
