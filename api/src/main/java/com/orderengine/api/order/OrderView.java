package com.orderengine.api.order;

import com.orderengine.api.http.ApiSchemas;
import com.orderengine.order.db.OrderItemRecord;
import com.orderengine.order.db.OrderRecord;
import com.orderengine.order.db.RefundRecord;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** {@code GET /api/orders/{orderId}}: money as decimal strings, times as ISO-8601; refunds the engine gave. */
public record OrderView(
        String orderId,
        String status,
        String email,
        String currency,

        @Schema(pattern = ApiSchemas.MONEY, example = "14.00", description = ApiSchemas.MONEY_DESCRIPTION)
        String total,

        List<OrderItemView> items,
        String createdAt,

        @Schema(
                types = {"string", "null"},
                format = "date-time",
                description = "null until the order is paid")
        String paidAt,

        List<RefundView> refunds) {

    public static OrderView of(OrderRecord order, List<OrderItemRecord> items, List<RefundRecord> refunds) {
        return new OrderView(
                order.reference(),
                order.status(),
                order.email(),
                order.currency(),
                order.total().toPlainString(),
                items.stream()
                        .map(item -> new OrderItemView(
                                item.productId(),
                                item.productName(),
                                item.quantity(),
                                item.price().toPlainString()))
                        .toList(),
                order.createdAt().toString(),
                order.paidAt() == null ? null : order.paidAt().toString(),
                refunds.stream().map(RefundView::of).toList());
    }
}
