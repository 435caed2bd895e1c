package com.orderengine.api.checkout;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A cart line. Any price the client adds is ignored: prices come from the database. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CheckoutItem(
        @NotNull @Min(1) Integer productId, @NotNull @Min(1) Integer quantity) {}
