package com.orderengine.api.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.sql.SQLException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Losing PostgreSQL is an outage, not a bug: answer 503 so callers (Stripe above all) retry, and log one line
 * instead of a stack trace per request. Any other database error is a bug and goes to
 * {@link UnexpectedExceptionMapper}.
 */
public class DatabaseUnavailableMapper implements ExceptionMapper<JdbiException> {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableMapper.class);

    private final UnexpectedExceptionMapper unexpected = new UnexpectedExceptionMapper();

    @Override
    public Response toResponse(JdbiException exception) {
        if (!isOutage(exception)) {
            return unexpected.toResponse(exception);
        }
        log.warn("Database unavailable: {}", exception.getMessage());
        return JsonErrors.unavailable("the database is unavailable; retry later", ApiException.DEFAULT_RETRY_AFTER);
    }

    /**
     * No connection could be had, or the one in hand was cut: SQLSTATE class 08 (connection exception) or
     * 57P01-57P03 (the server shutting down, crashed, or not accepting connections yet).
     */
    static boolean isOutage(Throwable exception) {
        if (exception instanceof ConnectionException) {
            return true;
        }
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
