package com.orderengine.stripeemulator.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One INFO line per answered API request, on the logger {@value #LOGGER}:
 * {@code POST /v1/checkout/sessions 200 4 ms cs_test_… (replayed)}: method, path, status, time taken, the
 * object's id when there is one (the answer's {@code id}, else the path's), {@code (replayed)} for an
 * idempotent replay, and {@code error=<code, else type>} for an error. The caller tags the line (see {@code LogTagger}).
 */
final class ApiRequestLog {

    static final String LOGGER = "com.orderengine.stripeemulator.api";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final JsonFactory JSON = new JsonFactory();

    void answered(String method, String path, String pathId, ApiResponse response, long startedNanos) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
        Summary summary = summarize(response.body());
        String objectId = summary.id() != null ? summary.id() : pathId;
        LOG.info(
                "{} {} {} {} ms{}{}{}",
                method,
                path,
                response.status(),
                millis,
                objectId == null ? "" : " " + objectId,
                response.replayed() ? " (replayed)" : "",
                summary.error() == null ? "" : " error=" + summary.error());
    }

    /** The answer's top-level {@code id}, or its error's code (else type); either may be null. */
    private record Summary(String id, String error) {
        static final Summary NONE = new Summary(null, null);
    }

    /**
     * Reads only as far as needed: an object's {@code id} and an error's {@code error} come first in what
     * the emulator writes, and a list (which has no id) is not read through.
     */
    private static Summary summarize(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Summary.NONE;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("id") && value == JsonToken.VALUE_STRING) {
                    return new Summary(parser.getText(), null);
                }
                if (name.equals("object")
                        && value == JsonToken.VALUE_STRING
                        && parser.getText().equals("list")) {
                    return Summary.NONE;
                }
                if (name.equals("error") && value == JsonToken.START_OBJECT) {
                    return new Summary(null, errorCode(parser));
                }
                parser.skipChildren();
            }
            return Summary.NONE;
        } catch (IOException e) {
            return Summary.NONE;
        }
    }

    private static String errorCode(JsonParser parser) throws IOException {
        String code = null;
        String type = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.VALUE_STRING && name.equals("code")) {
                code = parser.getText();
            } else if (value == JsonToken.VALUE_STRING && name.equals("type")) {
                type = parser.getText();
            } else {
                parser.skipChildren();
            }
        }
        return code != null ? code : type;
    }
}
