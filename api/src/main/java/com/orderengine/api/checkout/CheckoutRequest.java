package com.orderengine.api.checkout;

import com.orderengine.infrastructure.config.CheckoutFactory;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code POST /api/checkout}. Prices come from the database: a client sending prices or totals is refused. */
@Schema(
        description = "A cart to check out; any other field is refused (400).",
        additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record CheckoutRequest(
        @NotEmpty @Size(max = CheckoutFactory.MAX_LINES) List<@NotNull @Valid CheckoutItem> items,
        // Bean Validation's @Email accepts "a@b" and invisible characters; Stripe wants a dotted domain and
        // nobody types a control or format character (such as a right-to-left override) into an address.
        @NotBlank
        @Size(max = 254)
        @Email
        @Pattern(
                regexp = "[^@\\s\\p{Cc}\\p{Cf}]+@[^@\\s\\p{Cc}\\p{Cf}]+\\.[^@\\s\\p{Cc}\\p{Cf}]+",
                message = "must be a well-formed email address")
        String email) {}
