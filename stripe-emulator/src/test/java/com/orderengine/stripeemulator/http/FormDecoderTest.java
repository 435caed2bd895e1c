package com.orderengine.stripeemulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormDecoderTest {

    @Test
    void decodesNestedHashesAndIndexedArrays() {
        Map<String, Object> params = FormDecoder.decode(
                "line_items[0][price_data][product_data][name]=Mug&line_items[0][price_data][unit_amount]=1999"
                        + "&line_items[0][quantity]=2&line_items[1][quantity]=1"
                        + "&metadata[order_id]=abc&payment_intent_data[metadata][order_id]=abc&mode=payment");

        assertThat(params).containsEntry("mode", "payment");
        assertThat(params.get("metadata")).isEqualTo(Map.of("order_id", "abc"));
        assertThat(params.get("payment_intent_data")).isEqualTo(Map.of("metadata", Map.of("order_id", "abc")));
        assertThat(params.get("line_items"))
                .isEqualTo(List.of(
                        Map.of(
                                "price_data",
                                Map.of("product_data", Map.of("name", "Mug"), "unit_amount", "1999"),
                                "quantity",
                                "2"),
                        Map.of("quantity", "1")));
    }

    @Test
    void ordersArraysByIndexNotByArrival() {
        assertThat(FormDecoder.decode("a[1]=second&a[0]=first").get("a")).isEqualTo(List.of("first", "second"));
    }

    @Test
    void appendsEmptyBrackets() {
        assertThat(FormDecoder.decode("expand[]=line_items&expand[]=payment_intent")
                        .get("expand"))
                .isEqualTo(List.of("line_items", "payment_intent"));
    }

    @Test
    void keepsSparseOrNamedNumericKeysAsAHash() {
        assertThat(FormDecoder.decode("metadata[7]=x&metadata[9]=y").get("metadata"))
                .isEqualTo(Map.of("7", "x", "9", "y"));
        assertThat(FormDecoder.decode("metadata[01]=x").get("metadata")).isEqualTo(Map.of("01", "x"));
    }

    @Test
    void percentDecodesNamesAndValues() {
        Map<String, Object> params = FormDecoder.decode(
                "success_url=https%3A%2F%2Fshop.example%2Fok%3Fa%3D1%26b%3D2&metadata%5Bnote%5D=caf%C3%A9+au+lait&flag");

        assertThat(params).containsEntry("success_url", "https://shop.example/ok?a=1&b=2");
        assertThat(params.get("metadata")).isEqualTo(Map.of("note", "café au lait"));
        assertThat(params).containsEntry("flag", "");
    }

    @Test
    void lastScalarWinsAndEmptyInputIsEmpty() {
        assertThat(FormDecoder.decode("a=1&a=2")).containsEntry("a", "2");
        assertThat(FormDecoder.decode("")).isEmpty();
        assertThat(FormDecoder.decode(null)).isEmpty();
        assertThat(FormDecoder.decode("&&a=1&")).containsOnlyKeys("a");
    }

    @Test
    void rejectsConflictingOrMalformedNames() {
        assertThatThrownBy(() -> FormDecoder.decode("a=1&a[b]=2")).isInstanceOf(MalformedFormException.class);
        assertThatThrownBy(() -> FormDecoder.decode("a[b]=2&a=1")).isInstanceOf(MalformedFormException.class);
        assertThatThrownBy(() -> FormDecoder.decode("[a]=1")).isInstanceOf(MalformedFormException.class);
        assertThatThrownBy(() -> FormDecoder.decode("a[b=1")).isInstanceOf(MalformedFormException.class);
        assertThatThrownBy(() -> FormDecoder.decode("a[b]c=1")).isInstanceOf(MalformedFormException.class);
        assertThatThrownBy(() -> FormDecoder.decode("a=%zz")).isInstanceOf(MalformedFormException.class);
        assertThatThrownBy(() -> FormDecoder.decode("a" + "[x]".repeat(20) + "=1"))
                .isInstanceOf(MalformedFormException.class);
    }
}
