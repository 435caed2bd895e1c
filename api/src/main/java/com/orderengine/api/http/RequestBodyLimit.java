package com.orderengine.api.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Refuses request bodies over a limit with 413 before anything parses them, and reads accepted bodies into memory
 * first, so a chunked upload cannot get around the limit and no answer leaves unread bytes behind.
 */
public class RequestBodyLimit implements Filter {

    /** Oversized bodies up to this size are read and dropped before the 413; larger ones are cut off. */
    static final long DISCARD_LIMIT = 16L * 1024 * 1024;

    private final int maxBytes;

    public RequestBodyLimit(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        long declared = http.getContentLengthLong();
        if (declared > maxBytes) {
            if (declared <= DISCARD_LIMIT) {
                // Read and drop it, so a client that sends its whole body before reading still gets the 413.
                http.getInputStream().transferTo(OutputStream.nullOutputStream());
            }
            refuse((HttpServletResponse) response);
            return;
        }
        if (declared == 0 || (declared < 0 && !hasBody(http))) {
            chain.doFilter(request, response);
            return;
        }
        // Read the whole body before anything answers: a request refused unread (415, say) would otherwise leave
        // bytes on a keep-alive connection, Jetty would close it, and the client's next request on it would fail.
        byte[] body = http.getInputStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            refuse((HttpServletResponse) response);
            return;
        }
        chain.doFilter(new BufferedBodyRequest(http, body), response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getHeader("Transfer-Encoding") != null;
    }

    private void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(413);
        response.setContentType("application/json");
        response.getWriter().write("{\"error\":\"request body too large: the limit is " + maxBytes + " bytes\"}");
    }

    /** The request with its body already read into memory. */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    try {
                        return in.available() == 0;
                    } catch (IOException e) {
                        return true;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                /** The whole body is already here: report it available, then finished. */
                @Override
                public void setReadListener(ReadListener listener) {
                    try {
                        listener.onDataAvailable();
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }

                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
