package com.orderengine.api.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What Jetty answers by itself, before our code runs or beside it: a malformed request, headers too large, an
 * address nothing serves, a method a page or a static file does not take. Each gets the JSON
 * {@code {"error": …}} every other answer of the api has, except that a browser asking for a page the shop does
 * not have gets the shop's own "Page not found" page. One handler serves both places Jetty answers from: the
 * server (before a request reaches any context) and the application's servlet context.
 */
public final class JettyErrors extends ErrorHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] notFoundPage;
    private final Map<String, String> everyAnswersHeaders;

    /**
     * {@code everyAnswersHeaders}: headers every answer carries, which a servlet filter sets on the others; an error
     * answer starts from a reset response and gets them here.
     */
    public JettyErrors(byte[] notFoundPage, Map<String, String> everyAnswersHeaders) {
        this.notFoundPage = notFoundPage.clone();
        this.everyAnswersHeaders = Map.copyOf(everyAnswersHeaders);
    }

    /** Every method gets a body, not only Jetty's default GET, POST and HEAD. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected boolean generateAcceptableResponse(
            Request request,
            Response response,
            Callback callback,
            String contentType,
            List<Charset> charsets,
            int code,
            String message,
            Throwable cause) {
        // A request Jetty could not parse may have no URI at all.
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        boolean page = code == HttpStatus.NOT_FOUND_404
                && !isApi(path)
                && wantsHtml(request.getHeaders().get(HttpHeader.ACCEPT));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, page ? "text/html;charset=utf-8" : "application/json");
        everyAnswersHeaders.forEach(response.getHeaders()::put);
        byte[] body = page ? notFoundPage : json(describe(code, message, path));
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    /** A request Jetty could not parse (an empty Content-Type, a header too large): no request to speak of yet. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json"));
        everyAnswersHeaders.forEach(fields::put);
        return ByteBuffer.wrap(json(describe(status, reason, null)));
    }

    static String describe(int code, String message, String path) {
        if (code == HttpStatus.NOT_FOUND_404 && path != null) {
            return "nothing here: " + path;
        }
        String standard = HttpStatus.getMessage(code);
        if (message == null || message.isBlank() || message.equals(standard)) {
            return standard.toLowerCase(Locale.ROOT);
        }
        return message;
    }

    /**
     * A browser's unknown page gets the shop's page, anyone else JSON. For the answers of servlets that set 404
     * without a body (Dropwizard's asset servlet for a missing file); Jersey answers under /api itself.
     */
    public void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean page = !isApi(request.getRequestURI()) && wantsHtml(request.getHeader("Accept"));
        response.setContentType(page ? "text/html;charset=utf-8" : "application/json");
        response.setHeader("Cache-Control", "no-cache");
        everyAnswersHeaders.forEach(response::setHeader);
        byte[] body = page ? notFoundPage : json(describe(HttpStatus.NOT_FOUND_404, null, request.getRequestURI()));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static boolean isApi(String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/"));
    }

    private static boolean wantsHtml(String accept) {
        return accept != null && accept.contains("text/html");
    }

    private static byte[] json(String message) {
        try {
            return JSON.writeValueAsBytes(new ErrorResponse(message));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
