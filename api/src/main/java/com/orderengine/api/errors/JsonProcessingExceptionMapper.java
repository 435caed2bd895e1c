package com.orderengine.api.errors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Collection;
import java.util.stream.Collectors;

/** Malformed JSON, wrong types and unknown fields answer 400 and name the field, e.g. {@code items[0].quantity}. */
public class JsonProcessingExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException exception) {
        return JsonErrors.response(400, describe(exception));
    }

    static String describe(JsonProcessingException exception) {
        if (exception instanceof JsonParseException || exception.getCause() instanceof JsonParseException) {
            JsonProcessingException parse =
                    exception.getCause() instanceof JsonParseException cause ? cause : exception;
            return "malformed JSON: " + firstLine(parse.getOriginalMessage());
        }
        if (exception instanceof UnrecognizedPropertyException unknown) {
            return "unknown field " + path(unknown) + " (known: "
                    + unknown.getKnownPropertyIds().stream()
                            .map(Object::toString)
                            .sorted()
                            .collect(Collectors.joining(", "))
                    + ")";
        }
        if (exception instanceof JsonMappingException databind) {
            String path = path(databind);
            if (exception instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                return (path.isEmpty() ? "request body" : path) + ": expected " + typeName(mismatch.getTargetType());
            }
            return (path.isEmpty() ? "request body" : path) + ": " + firstLine(exception.getOriginalMessage());
        }
        return "malformed JSON: " + firstLine(exception.getOriginalMessage());
    }

    private static String path(JsonMappingException exception) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : exception.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String typeName(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid request body";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
