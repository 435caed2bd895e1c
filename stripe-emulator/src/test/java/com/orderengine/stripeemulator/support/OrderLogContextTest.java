package com.orderengine.stripeemulator.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

@SuppressWarnings("try") // the scopes act by being opened and closed
class OrderLogContextTest {

    private static final String ORDER = "Ab3_Cd4-Ef5Gh6Ij7Kl8Mn";
    private static final String OTHER = "Zz9_Yy8-Xx7Ww6Vv5Uu4Tt";

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void recognisesOrderReferences() {
        assertThat(OrderLogContext.isOrderReference(ORDER)).isTrue();
        assertThat(OrderLogContext.isOrderReference(null)).isFalse();
        assertThat(OrderLogContext.isOrderReference(ORDER.substring(1))).isFalse();
        assertThat(OrderLogContext.isOrderReference(ORDER + "x")).isFalse();
        assertThat(OrderLogContext.isOrderReference("Ab3+Cd4/Ef5Gh6Ij7Kl8M=")).isFalse();
        assertThat(OrderLogContext.firstOrderReference(null, "cart-42", ORDER, OTHER))
                .isEqualTo(ORDER);
        assertThat(OrderLogContext.firstOrderReference("cart-42", null)).isNull();
    }

    @Test
    void tagsTheThreadAndRemovesTheTagsAfterwards() {
        try (OrderLogContext.Scope scope = OrderLogContext.open(ORDER)) {
            assertThat(MDC.get("OrderId")).isEqualTo(ORDER);
            assertThat(MDC.get("WorkflowId")).isEqualTo("order-" + ORDER);
        }
        assertThat(MDC.get("OrderId")).isNull();
        assertThat(MDC.get("WorkflowId")).isNull();
    }

    @Test
    void putsBackWhatTheThreadHadBefore() {
        MDC.put("OrderId", OTHER);
        MDC.put("WorkflowId", "order-" + OTHER);
        MDC.put("RequestId", "req-1");

        try (OrderLogContext.Scope outer = OrderLogContext.open(ORDER)) {
            try (OrderLogContext.Scope inner = OrderLogContext.open("not an order")) {
                assertThat(MDC.get("OrderId")).isEqualTo(ORDER);
            }
            assertThat(MDC.get("WorkflowId")).isEqualTo("order-" + ORDER);
        }

        assertThat(MDC.get("OrderId")).isEqualTo(OTHER);
        assertThat(MDC.get("WorkflowId")).isEqualTo("order-" + OTHER);
        assertThat(MDC.get("RequestId")).isEqualTo("req-1");
    }
}
