package com.orderengine.api.errors;

import io.dropwizard.jersey.validation.ConstraintMessage;
import io.dropwizard.jersey.validation.JerseyViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.stream.Collectors;

/** Bean-validation failures answer 422 with every problem, sorted so the message is stable. */
public class ValidationExceptionMapper implements ExceptionMapper<JerseyViolationException> {

    @Override
    public Response toResponse(JerseyViolationException exception) {
        String message = exception.getConstraintViolations().stream()
                .map(violation -> ConstraintMessage.getMessage(violation, exception.getInvocable()))
                .sorted()
                .collect(Collectors.joining("; "));
        return JsonErrors.response(422, message);
    }
}
