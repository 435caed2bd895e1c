package com.orderengine.api.product;

import com.orderengine.api.errors.ApiException;
import com.orderengine.product.db.ProductDao;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

@Path("/products")
@Produces(MediaType.APPLICATION_JSON)
public class ProductResource {

    private final ProductDao products;

    public ProductResource(ProductDao products) {
        this.products = products;
    }

    @GET
    @Operation(summary = "The catalogue, in id order")
    public List<ProductView> list() {
        return products.findAll().stream().map(ProductView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One product; 404 when there is none with that id")
    public ProductView get(@Parameter(schema = @Schema(pattern = "^[0-9]{1,9}$")) @PathParam("id") String id) {
        int productId;
        try {
            productId = Integer.parseInt(id);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("product " + id + " not found");
        }
        return products.findById(productId)
                .map(ProductView::of)
                .orElseThrow(() -> ApiException.notFound("product " + productId + " not found"));
    }
}
