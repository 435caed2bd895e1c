package com.orderengine.api.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderengine.order.OrderMetrics.CheckoutOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckoutOutcomeFilterTest {

    @ParameterizedTest
    @CsvSource({
        "200, STARTED",
        "400, REJECTED",
        "404, REJECTED",
        "409, REJECTED",
        "422, REJECTED",
        "503, UNAVAILABLE",
        "500, FAILED",
        "502, FAILED"
    })
    void eachAnswerIsCountedByItsStatus(int status, CheckoutOutcome outcome) {
        assertThat(CheckoutOutcomeFilter.outcome(status)).isEqualTo(outcome);
    }
}
