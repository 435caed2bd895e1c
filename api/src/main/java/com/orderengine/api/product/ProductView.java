package com.orderengine.api.product;

import com.orderengine.api.http.ApiSchemas;
import com.orderengine.product.db.Product;
import io.swagger.v3.oas.annotations.media.Schema;

/** A product as the storefront sees it; the price is a decimal string so no client rounds it through a float. */
public record ProductView(
        int id,
        String name,

        @Schema(pattern = ApiSchemas.MONEY, example = "14.00", description = ApiSchemas.MONEY_DESCRIPTION)
        String price,

        @Schema(types = {"string", "null"}) String description,
        @Schema(types = {"string", "null"}) String imageUrl) {

    public static ProductView of(Product product) {
        return new ProductView(
                product.id(),
                product.name(),
                product.price().toPlainString(),
                product.description(),
                product.imageUrl());
    }
}
