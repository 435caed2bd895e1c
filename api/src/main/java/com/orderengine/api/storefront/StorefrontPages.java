package com.orderengine.api.storefront;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;

/**
 * Serves the storefront's pages at the paths Stripe Checkout returns to ({@code /cart} and
 * {@code /checkout/success}), which are plain HTML files among the static assets.
 */
public class StorefrontPages implements Filter {

    /** Page path → asset file. */
    public static final Map<String, String> PAGES = Map.of(
            "/cart", "/cart.html",
            "/checkout/success", "/success.html");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String page = PAGES.get(((HttpServletRequest) request).getRequestURI());
        if (page == null) {
            chain.doFilter(request, response);
        } else {
            request.getRequestDispatcher(page).forward(request, response);
        }
    }
}
