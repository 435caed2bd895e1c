package com.orderengine.api.docs;

import com.orderengine.api.errors.ErrorResponse;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.jaxrs2.ReaderListener;
import io.swagger.v3.jaxrs2.integration.resources.OpenApiResource;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.integration.api.OpenApiReader;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API's OpenAPI 3.1 document, generated from the resources themselves and served at
 * {@code /api/openapi.json} and {@code /api/openapi.yaml}: every resource under {@code com.orderengine.api}, its
 * operations, parameters and schemas from its own annotations. Every operation also gets the JSON error answer
 * ({@code {"error": …}}) as its {@code default} response, for whatever status it does not name.
 */
// Annotated so the package scan finds it as the reader's listener.
@OpenAPIDefinition
public final class ApiDocs implements ReaderListener {

    static final String ERROR_SCHEMA = "ErrorResponse";

    /** Instantiated by swagger's reader, which calls {@link #afterScan} once the resources are read. */
    public ApiDocs() {}

    public static OpenApiResource resource() {
        OpenAPI base = new OpenAPI()
                .info(new Info()
                        .title("Order engine API")
                        .version("0.1.0")
                        .description("The shop's storefront, checkout, orders and Stripe webhook. Money is a "
                                + "decimal string with two decimals (\"14.00\"); every error answers "
                                + "{\"error\": \"…\"} saying what is wrong."))
                .servers(List.of(new Server().url("/api")));
        SwaggerConfiguration configuration = new SwaggerConfiguration()
                .openAPI(base)
                .openAPI31(true)
                // Every success here is a 200; swagger would otherwise name the answer it infers "default".
                .defaultResponseCode("200")
                .prettyPrint(true)
                .readAllResources(false)
                // Every resource under the api's package, so a new one is in the document with no extra step.
                .resourcePackages(Set.of("com.orderengine.api"));
        return (OpenApiResource) new OpenApiResource().openApiConfiguration(configuration);
    }

    @Override
    public void beforeScan(OpenApiReader reader, OpenAPI openAPI) {}

    @Override
    public void afterScan(OpenApiReader reader, OpenAPI openAPI) {
        Map<String, Schema> error = ModelConverters.getInstance(true).read(ErrorResponse.class);
        error.forEach(openAPI.getComponents()::addSchemas);
        openAPI.getPaths().values().forEach(path -> path.readOperations().forEach(ApiDocs::addErrorDefault));
    }

    private static void addErrorDefault(Operation operation) {
        Schema<?> ref = new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA);
        operation
                .getResponses()
                .addApiResponse(
                        "default",
                        new ApiResponse()
                                .description("An error: what is wrong, in one sentence")
                                .content(new Content()
                                        .addMediaType(
                                                jakarta.ws.rs.core.MediaType.APPLICATION_JSON,
                                                new MediaType().schema(ref))));
    }
}
