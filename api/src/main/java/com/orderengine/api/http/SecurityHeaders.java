package com.orderengine.api.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Headers every answer carries, set before the answer is written (so error pages have them too): no other site may
 * frame the shop's pages (the account page's delete form, the cart), browsers take each answer as the type it says,
 * and links to other sites carry no path of ours. What the signed-in customer's account answers, no cache keeps.
 */
public class SecurityHeaders implements Filter {

    /** Also given to Jetty's error handler, whose answers start from a reset response. */
    public static final Map<String, String> EVERY_ANSWER = Map.of(
            "X-Frame-Options", "DENY",
            "Content-Security-Policy", "frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "same-origin");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse http = (HttpServletResponse) response;
        EVERY_ANSWER.forEach(http::setHeader);
        String path = ((HttpServletRequest) request).getRequestURI();
        if (path.startsWith("/api/account")) {
            http.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
