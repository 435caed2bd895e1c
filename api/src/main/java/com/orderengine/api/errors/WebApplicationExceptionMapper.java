package com.orderengine.api.errors;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Locale;

/** Jersey's own 4xx (no route, wrong method, wrong content type) in the same JSON shape as ours. */
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        String message;
        if (exception instanceof NotFoundException) {
            message = "not found";
        } else if (exception instanceof NotAllowedException) {
            // RFC 9110: a 405 names the methods the resource does take.
            String allow = exception.getResponse().getHeaderString("Allow");
            Response answer = JsonErrors.response(status, "method not allowed; use " + allow);
            return Response.fromResponse(answer).header("Allow", allow).build();
        } else if (exception instanceof NotSupportedException) {
            message = "unsupported Content-Type: send application/json";
        } else if (status >= 500) {
            return new UnexpectedExceptionMapper().toResponse(exception);
        } else {
            message = Response.Status.Family.familyOf(status) == Response.Status.Family.CLIENT_ERROR
                            && exception.getResponse().getStatusInfo().getReasonPhrase() != null
                    ? exception.getResponse().getStatusInfo().getReasonPhrase().toLowerCase(Locale.ROOT)
                    : "request failed";
        }
        return JsonErrors.response(status, message);
    }
}
