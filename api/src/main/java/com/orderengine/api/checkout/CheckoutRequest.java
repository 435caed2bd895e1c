package com.orderengine.api.checkout;

import com.orderengine.api.http.ApiSchemas;
import com.orderengine.api.http.WellFormedEmail;
import com.orderengine.infrastructure.config.CheckoutFactory;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code POST /api/checkout}. Prices come from the database: a client sending prices or totals is refused. */
@Schema(
        description = "A cart to check out; any other field is refused (400).",
        additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record CheckoutRequest(
        @ArraySchema(
                minItems = 1,
                maxItems = CheckoutFactory.MAX_LINES,
                schema = @Schema(implementation = CheckoutItem.class))
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        @NotEmpty
        @Size(max = CheckoutFactory.MAX_LINES)
        List<@NotNull @Valid CheckoutItem> items,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "ada@example.com", pattern = ApiSchemas.EMAIL)
        @NotBlank
        @Size(max = 254)
        @Email
        @WellFormedEmail
        String email) {}
