package com.orderengine.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrderStatusTest {

    @Test
    void pendingMovesToEveryOutcome() {
        assertThat(OrderStatus.PENDING.allowedNext())
                .containsExactlyInAnyOrder(
                        OrderStatus.PAID, OrderStatus.EXPIRED, OrderStatus.FAILED, OrderStatus.CANCELLED);
    }

    @Test
    void aPaidOrderCanOnlyBeRefunded() {
        assertThat(OrderStatus.PAID.allowedNext()).containsExactly(OrderStatus.REFUNDED);
        assertThat(OrderStatus.PAID.canMoveTo(OrderStatus.EXPIRED)).isFalse();
        assertThat(OrderStatus.PAID.canMoveTo(OrderStatus.PENDING)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(
            value = OrderStatus.class,
            names = {"EXPIRED", "FAILED", "CANCELLED", "REFUNDED"})
    void terminalStatusesGoNowhere(OrderStatus status) {
        assertThat(status.allowedNext()).isEmpty();
        assertThat(status.isFinal()).isTrue();
    }

    @Test
    void noStatusMovesBackToPendingOrToItself() {
        for (OrderStatus status : OrderStatus.values()) {
            assertThat(status.canMoveTo(OrderStatus.PENDING)).isFalse();
            assertThat(status.canMoveTo(status)).isFalse();
        }
    }

    @Test
    void valuesRoundTripThroughTheDatabaseForm() {
        for (OrderStatus status : EnumSet.allOf(OrderStatus.class)) {
            assertThat(OrderStatus.fromValue(status.value())).isEqualTo(status);
        }
        assertThat(OrderStatus.PAID.value()).isEqualTo("paid");
    }
}
