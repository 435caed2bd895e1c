package com.orderengine.api.order;

import com.orderengine.api.http.ApiSchemas;
import com.orderengine.order.db.RefundRecord;
import io.swagger.v3.oas.annotations.media.Schema;

/** A refund the engine gave for the order: money as a decimal string, time as ISO-8601. */
public record RefundView(
        String refundId,

        @Schema(pattern = ApiSchemas.MONEY, example = "14.00", description = ApiSchemas.MONEY_DESCRIPTION)
        String amount,

        String currency,

        @Schema(
                types = {"string", "null"},
                format = "date-time")
        String createdAt) {

    public static RefundView of(RefundRecord refund) {
        return new RefundView(
                refund.stripeRefundId(),
                refund.amount().toPlainString(),
                refund.currency(),
                refund.createdAt() == null ? null : refund.createdAt().toString());
    }
}
