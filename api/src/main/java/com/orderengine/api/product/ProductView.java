package com.orderengine.api.product;

import com.orderengine.product.db.Product;

/** A product as the storefront sees it; the price is a decimal string so no client rounds it through a float. */
public record ProductView(int id, String name, String price, String description, String imageUrl) {

    public static ProductView of(Product product) {
        return new ProductView(
                product.id(),
                product.name(),
                product.price().toPlainString(),
                product.description(),
                product.imageUrl());
    }
}
