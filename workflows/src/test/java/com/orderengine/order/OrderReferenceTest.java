package com.orderengine.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderReferenceTest {

    @Test
    void randomReferencesCarry128BitsInUrlSafeCharacters() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String reference = OrderReference.random();
            assertThat(reference).hasSize(22).matches("[A-Za-z0-9_-]+");
            assertThat(OrderReference.isWellFormed(reference)).isTrue();
            seen.add(reference);
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void anIdempotencyKeyAlwaysNamesTheSameOrderAndDoesNotLeakIntoIt() {
        String first = OrderReference.fromIdempotencyKey("cart-42-attempt");
        assertThat(OrderReference.fromIdempotencyKey("cart-42-attempt")).isEqualTo(first);
        assertThat(OrderReference.fromIdempotencyKey("cart-43-attempt")).isNotEqualTo(first);
        assertThat(first).doesNotContain("cart");
        assertThat(OrderReference.isWellFormed(first)).isTrue();
    }

    @Test
    void malformedReferencesAreRecognised() {
        assertThat(OrderReference.isWellFormed(null)).isFalse();
        assertThat(OrderReference.isWellFormed("1")).isFalse();
        assertThat(OrderReference.isWellFormed("' OR 1=1 --aaaaaaaaaaaa")).isFalse();
        assertThat(OrderReference.workflowId("abc")).isEqualTo("order-abc");
    }
}
