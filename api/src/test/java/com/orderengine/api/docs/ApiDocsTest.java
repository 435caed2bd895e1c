package com.orderengine.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class ApiDocsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final ResourceExtension resources =
            ResourceExtension.builder().addResource(ApiDocs.resource()).build();

    @Test
    void theDocumentIsOpenApi31AndServedAsJsonAndYaml() throws Exception {
        JsonNode document = document();

        assertThat(document.path("openapi").asText()).startsWith("3.1.");
        assertThat(document.path("info").path("title").asText()).isEqualTo("Order engine API");
        assertThat(document.path("servers").get(0).path("url").asText()).isEqualTo("/api");
        assertThat(resources.target("/openapi.yaml").request().get(String.class))
                .startsWith("openapi: 3.1.");
    }

    @Test
    void everyResourceMethodOfTheApiIsAnOperation() throws Exception {
        JsonNode paths = document().path("paths");
        List<Class<?>> resources = resourceClasses();
        assertThat(resources).as("resource classes found").hasSizeGreaterThanOrEqualTo(4);
        List<String> missing = new ArrayList<>();
        for (Class<?> resource : resources) {
            String root = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getMethods()) {
                String verb = httpMethod(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = join(root, sub == null ? "" : sub.value());
                if (paths.path(path).path(verb.toLowerCase()).isMissingNode()) {
                    missing.add(verb + " " + path + " (" + resource.getSimpleName() + "." + method.getName() + ")");
                }
            }
        }
        assertThat(missing)
                .as("resource methods missing from /api/openapi.json")
                .isEmpty();
    }

    /** Every JAX-RS resource of the api, whatever registers it: a new one must appear with no extra step. */
    private static List<Class<?>> resourceClasses() {
        List<Class<?>> resources = new ArrayList<>();
        new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("com.orderengine.api")
                        .stream()
                        .filter(javaClass -> javaClass.isAnnotatedWith(Path.class))
                        .forEach(javaClass -> resources.add(javaClass.reflect()));
        return resources;
    }

    @Test
    void everyOperationAnswersErrorsAsJsonAndMoneyIsADecimalString() throws Exception {
        JsonNode document = document();
        for (JsonNode path : document.path("paths")) {
            for (JsonNode operation : path) {
                List<String> successes = new ArrayList<>();
                operation.path("responses").fieldNames().forEachRemaining(code -> {
                    if (code.startsWith("2")) {
                        successes.add(code);
                    }
                });
                assertThat(successes)
                        .as(operation.path("operationId").asText() + " says how it succeeds: "
                                + operation.path("responses"))
                        .hasSize(1);
                if (!successes.get(0).equals("204")) {
                    assertThat(operation
                                    .path("responses")
                                    .path(successes.get(0))
                                    .at("/content/application~1json/schema")
                                    .isObject())
                            .as(operation.path("operationId").asText() + " says what it answers: "
                                    + operation.path("responses"))
                            .isTrue();
                }
                assertThat(operation
                                .path("responses")
                                .path("default")
                                .path("content")
                                .path("application/json")
                                .path("schema")
                                .path("$ref")
                                .asText())
                        .as(operation.path("operationId").asText())
                        .isEqualTo("#/components/schemas/ErrorResponse");
            }
        }
        JsonNode schemas = document.path("components").path("schemas");
        assertThat(schemas.path("ErrorResponse").path("required"))
                .extracting(JsonNode::asText)
                .contains("error");
        assertThat(schemas.path("ProductView")
                        .path("properties")
                        .path("price")
                        .path("pattern")
                        .asText())
                .isEqualTo("^\\d+\\.\\d{2}$");
        assertThat(schemas.path("OrderView")
                        .path("properties")
                        .path("total")
                        .path("pattern")
                        .asText())
                .isEqualTo("^\\d+\\.\\d{2}$");
        assertThat(schemas.path("CheckoutRequest").path("additionalProperties").asBoolean(true))
                .as("unknown fields are refused, and the contract says so")
                .isFalse();
        assertThat(schemas.path("CheckoutItem").path("additionalProperties").asBoolean(true))
                .isFalse();
    }

    @Test
    void theHeadersThatMatterAreDescribed() throws Exception {
        JsonNode paths = document().path("paths");
        assertThat(parameterNames(paths.path("/checkout").path("post"))).contains("Idempotency-Key");
        assertThat(parameterNames(paths.path("/webhooks/stripe").path("post"))).contains("Stripe-Signature");
    }

    private static Set<String> parameterNames(JsonNode operation) {
        Set<String> names = new HashSet<>();
        operation
                .path("parameters")
                .forEach(parameter -> names.add(parameter.path("name").asText()));
        return names;
    }

    private static JsonNode document() throws Exception {
        return JSON.readTree(resources.target("/openapi.json").request().get(String.class));
    }

    private static String httpMethod(Method method) {
        for (Class<? extends Annotation> verb : List.of(GET.class, POST.class, PUT.class, DELETE.class)) {
            if (method.isAnnotationPresent(verb)) {
                return verb.getAnnotation(HttpMethod.class).value();
            }
        }
        return null;
    }

    private static String join(String root, String sub) {
        String path =
                (root.startsWith("/") ? root : "/" + root) + (sub.isEmpty() || sub.startsWith("/") ? sub : "/" + sub);
        return path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    }
}
