package com.orderengine.api.checkout;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A cart line. Any price the client adds is ignored: prices come from the database. */
public record CheckoutItem(
        @NotNull @Min(1) Integer productId, @NotNull @Min(1) Integer quantity) {}
