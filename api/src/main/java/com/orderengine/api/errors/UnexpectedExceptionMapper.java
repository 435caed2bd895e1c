package com.orderengine.api.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Anything unforeseen is a bug: log it with an id the client can quote, answer 500 without internals. */
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        String id = UUID.randomUUID().toString();
        log.error("Unexpected error {}", id, exception);
        return JsonErrors.response(500, "internal error (id " + id + ")");
    }
}
