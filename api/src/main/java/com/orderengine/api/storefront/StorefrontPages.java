package com.orderengine.api.storefront;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Serves the storefront's pages. Each is an HTML file among the static assets with a {@code <!-- site-header -->}
 * line where the header every page shares goes ({@code storefront/site-header.html}, written once), put together
 * once at start-up. They answer at the shop's root, at the paths Stripe Checkout returns to ({@code /cart},
 * {@code /checkout/success}) and under {@code /account}, where the mailed links lead; the files' own names answer
 * the same, so a page is never served without its header.
 */
public class StorefrontPages implements Filter {

    /** Page path → asset file. */
    public static final Map<String, String> PAGES = Map.ofEntries(
            Map.entry("/", "index.html"),
            Map.entry("/index.html", "index.html"),
            Map.entry("/cart", "cart.html"),
            Map.entry("/cart.html", "cart.html"),
            Map.entry("/checkout/success", "success.html"),
            Map.entry("/success.html", "success.html"),
            Map.entry("/account", "account.html"),
            Map.entry("/account.html", "account.html"),
            Map.entry("/account/signup", "account/signup.html"),
            Map.entry("/account/signup.html", "account/signup.html"),
            Map.entry("/account/signin", "account/signin.html"),
            Map.entry("/account/signin.html", "account/signin.html"),
            // The mailed links: /account/verify#token=… and /account/reset#token=… (or /account/reset alone).
            Map.entry("/account/verify", "account/verify.html"),
            Map.entry("/account/verify.html", "account/verify.html"),
            Map.entry("/account/reset", "account/reset.html"),
            Map.entry("/account/reset.html", "account/reset.html"));

    static final String HEADER_MARKER = "<!-- site-header -->";
    private static final String CART_LINK = "<a class=\"cart-link\" href=\"/cart\">";

    private final Map<String, byte[]> pages = new HashMap<>();
    private final byte[] notFound;

    public StorefrontPages() {
        String header = resource("/storefront/site-header.html");
        if (!header.contains(CART_LINK)) {
            throw new IllegalStateException("the site header has no " + CART_LINK);
        }
        // The cart page marks the cart link as the page the shopper is on.
        String cartHeader = header.replace(CART_LINK, CART_LINK.replace(">", " aria-current=\"page\">"));
        for (String file : Set.copyOf(PAGES.values())) {
            pages.put(file, withHeader("/assets/" + file, file.equals("cart.html") ? cartHeader : header));
        }
        notFound = withHeader("/storefront/not-found.html", header);
    }

    /** The shop's own page for an address it does not have, answered with 404 to a browser. */
    public byte[] notFoundPage() {
        return notFound.clone();
    }

    private static byte[] withHeader(String templatePath, String header) {
        String template = resource(templatePath);
        String page = template.replace("  " + HEADER_MARKER + "\n", header);
        if (page.equals(template)) {
            throw new IllegalStateException(templatePath + " has no '  " + HEADER_MARKER + "' line");
        }
        return page.getBytes(StandardCharsets.UTF_8);
    }

    /** The servlet URL patterns of the pages: the site root is the empty pattern, which matches "/" alone. */
    public static String[] urlPatterns() {
        return PAGES.keySet().stream().map(path -> path.equals("/") ? "" : path).toArray(String[]::new);
    }

    /** The page served at {@code path}, or null when {@code path} is not a page. */
    byte[] page(String path) {
        String file = PAGES.get(path);
        return file == null ? null : pages.get(file);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        byte[] page = page(http.getRequestURI());
        if (page == null) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletResponse out = (HttpServletResponse) response;
        if (!"GET".equals(http.getMethod()) && !"HEAD".equals(http.getMethod())) {
            // A page is only read. The error handler (JettyErrors) writes the JSON answer; Allow is the page's to say.
            out.setHeader("Allow", "GET, HEAD");
            out.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED, http.getMethod() + " is not allowed on a page");
            return;
        }
        out.setContentType("text/html;charset=utf-8");
        // Pages name the scripts and styles they need: always ask, so a new release is seen at once.
        out.setHeader("Cache-Control", "no-cache");
        out.setContentLength(page.length);
        if ("GET".equals(http.getMethod())) {
            out.getOutputStream().write(page);
        }
    }

    private static String resource(String path) {
        try (InputStream in = StorefrontPages.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
