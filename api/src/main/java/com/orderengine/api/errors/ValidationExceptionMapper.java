package com.orderengine.api.errors;

import io.dropwizard.jersey.validation.ConstraintMessage;
import io.dropwizard.jersey.validation.JerseyViolationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.stream.Collectors;

/**
 * Bean-validation failures answer 422 with every problem, sorted so the message is stable; a missing body is
 * malformed input, 400.
 */
public class ValidationExceptionMapper implements ExceptionMapper<JerseyViolationException> {

    @Override
    public Response toResponse(JerseyViolationException exception) {
        if (exception.getConstraintViolations().stream().anyMatch(ValidationExceptionMapper::isMissingBody)) {
            return JsonErrors.response(400, "a JSON request body is required");
        }
        // Two constraints may say the same (@Email and the stricter @Pattern): say it once.
        String message = exception.getConstraintViolations().stream()
                .map(violation -> ConstraintMessage.getMessage(violation, exception.getInvocable()))
                .distinct()
                .sorted()
                .collect(Collectors.joining("; "));
        return JsonErrors.response(422, message);
    }

    /** The body parameter itself is null: nothing, or JSON {@code null}, was sent. */
    private static boolean isMissingBody(ConstraintViolation<?> violation) {
        Path.Node leaf = null;
        for (Path.Node node : violation.getPropertyPath()) {
            leaf = node;
        }
        return violation.getInvalidValue() == null
                && leaf != null
                && leaf.getKind() == ElementKind.PARAMETER
                && violation.getConstraintDescriptor().getAnnotation() instanceof NotNull;
    }
}
