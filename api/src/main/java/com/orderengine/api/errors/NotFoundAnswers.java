package com.orderengine.api.errors;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Gives a body to a 404 a servlet answered without one (the static files' servlet, for a file that is not there),
 * as {@link JettyErrors} does for the errors Jetty answers: the shop's page for a browser, JSON for anyone else.
 */
public final class NotFoundAnswers implements Filter {

    private final JettyErrors errors;

    public NotFoundAnswers(JettyErrors errors) {
        this.errors = errors;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, response);
        if (JettyErrors.isApi(((HttpServletRequest) request).getRequestURI())) {
            return; // Jersey's own answers, bodies included
        }
        HttpServletResponse http = (HttpServletResponse) response;
        if (http.getStatus() == HttpServletResponse.SC_NOT_FOUND && !http.isCommitted()) {
            http.resetBuffer();
            errors.notFound((HttpServletRequest) request, http);
        }
    }
}
