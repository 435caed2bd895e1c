package com.orderengine.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.orderengine.stripeemulator.logging.LogTagger;
import com.orderengine.stripeemulator.logging.ObjectLabels;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

@SuppressWarnings("try") // the scopes act by being opened and closed
class OrderLogTaggerTest {

    private static final String ORDER = "Ab3_Cd4-Ef5Gh6Ij7Kl8Mn";
    private static final String OTHER = "Zz9_Yy8-Xx7Ww6Vv5Uu4Tt";

    private final OrderLogTagger tagger = new OrderLogTagger();

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void recognisesOrderReferences() {
        assertThat(OrderLogTagger.orderOf(labels(ORDER))).isEqualTo(ORDER);
        assertThat(OrderLogTagger.orderOf(labels((String) null))).isNull();
        assertThat(OrderLogTagger.orderOf(labels(ORDER.substring(1)))).isNull();
        assertThat(OrderLogTagger.orderOf(labels(ORDER + "x"))).isNull();
        assertThat(OrderLogTagger.orderOf(labels("Ab3+Cd4/Ef5Gh6Ij7Kl8M="))).isNull();
        assertThat(OrderLogTagger.orderOf(labels(null, "cart-42", ORDER, OTHER)))
                .isEqualTo(ORDER);
        assertThat(OrderLogTagger.orderOf(labels("cart-42", null))).isNull();
        assertThat(OrderLogTagger.orderOf(List.of())).isNull();
    }

    @Test
    void findsTheOrderInMetadataToo() {
        List<ObjectLabels> labels = List.of(
                new ObjectLabels("cart-42", Map.of("note", OTHER)),
                ObjectLabels.metadataOnly(Map.of("order_id", ORDER)),
                new ObjectLabels(OTHER, Map.of()));

        assertThat(OrderLogTagger.orderOf(labels)).isEqualTo(ORDER);
    }

    @Test
    void tagsTheThreadAndRemovesTheTagsAfterwards() {
        try (LogTagger.Scope scope = tagger.tag(labels(ORDER))) {
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

        try (LogTagger.Scope outer = tagger.tag(labels(ORDER))) {
            try (LogTagger.Scope inner = tagger.tag(labels("not an order"))) {
                assertThat(MDC.get("OrderId")).isEqualTo(ORDER);
            }
            assertThat(MDC.get("WorkflowId")).isEqualTo("order-" + ORDER);
        }

        assertThat(MDC.get("OrderId")).isEqualTo(OTHER);
        assertThat(MDC.get("WorkflowId")).isEqualTo("order-" + OTHER);
        assertThat(MDC.get("RequestId")).isEqualTo("req-1");
    }

    /** One object per client_reference_id, most specific first. */
    private static List<ObjectLabels> labels(String... clientReferenceIds) {
        return Arrays.stream(clientReferenceIds)
                .map(id -> new ObjectLabels(id, Map.of()))
                .toList();
    }
}
