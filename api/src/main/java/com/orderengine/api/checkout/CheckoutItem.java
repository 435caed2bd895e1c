package com.orderengine.api.checkout;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A cart line. Any price the client adds is ignored: prices come from the database. */
@Schema(
        description = "One line of the cart; any other field, a price included, is refused (400).",
        additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record CheckoutItem(
        @NotNull @Min(1) Integer productId, @NotNull @Min(1) Integer quantity) {}
