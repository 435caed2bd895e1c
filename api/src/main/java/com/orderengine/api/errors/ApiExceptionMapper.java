package com.orderengine.api.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

public class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    @Override
    public Response toResponse(ApiException exception) {
        return JsonErrors.response(exception.status(), exception.getMessage(), exception.retryAfter());
    }
}
