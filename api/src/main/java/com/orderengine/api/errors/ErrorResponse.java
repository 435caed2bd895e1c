package com.orderengine.api.errors;

import io.swagger.v3.oas.annotations.media.Schema;

/** Every error the api answers: one sentence saying what is wrong. */
public record ErrorResponse(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "what is wrong, e.g. \"items[0].quantity must be greater than or equal to 1\"")
        String error) {}
