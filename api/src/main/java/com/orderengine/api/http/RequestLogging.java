package com.orderengine.api.http;

import com.orderengine.infrastructure.logging.OrderLogContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One log line per API request, written after the answer with the MDC the request built up: its
 * {@code RequestId} (the caller's {@code X-Request-Id}, or a new one, echoed back) and, once the resource knows it,
 * the {@code OrderId} and {@code WorkflowId} it concerned. In JSON ({@code LOG_APPENDER=console-json}) these are
 * fields, so one order's requests, workflow and activities can be found by the same value.
 */
public final class RequestLogging implements Filter {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private static final Logger log = LoggerFactory.getLogger("com.orderengine.api.request");
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        HttpServletResponse answer = (HttpServletResponse) response;
        String offered = http.getHeader(REQUEST_ID_HEADER);
        String requestId = offered != null && SAFE_ID.matcher(offered).matches()
                ? offered
                : UUID.randomUUID().toString();
        MDC.put(OrderLogContext.REQUEST_ID, requestId);
        answer.setHeader(REQUEST_ID_HEADER, requestId);
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            log.info(
                    "{} {} {} {} ms",
                    http.getMethod(),
                    http.getRequestURI(),
                    answer.getStatus(),
                    (System.nanoTime() - started) / 1_000_000);
            MDC.remove(OrderLogContext.REQUEST_ID);
            OrderLogContext.clear();
        }
    }
}
