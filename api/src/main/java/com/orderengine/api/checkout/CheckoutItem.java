package com.orderengine.api.checkout;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A cart line: which product and how many. Prices come from the database; a client's price is refused. */
@Schema(
        description = "One line of the cart; any other field, a price included, is refused (400).",
        additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record CheckoutItem(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "1") @NotNull @Min(1)
        Integer productId,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2") @NotNull @Min(1)
        Integer quantity) {}
