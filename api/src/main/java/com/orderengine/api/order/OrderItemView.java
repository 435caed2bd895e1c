package com.orderengine.api.order;

import com.orderengine.api.http.ApiSchemas;
import io.swagger.v3.oas.annotations.media.Schema;

/** One line of an order with the unit price that was charged. */
public record OrderItemView(
        int productId,
        String name,
        int quantity,

        @Schema(pattern = ApiSchemas.MONEY, example = "14.00", description = ApiSchemas.MONEY_DESCRIPTION)
        String unitPrice) {}
