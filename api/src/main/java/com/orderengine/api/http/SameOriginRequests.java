package com.orderengine.api.http;

import com.orderengine.api.errors.JsonErrors;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.PathSegment;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * Cross-site request forgery: a request that changes something and that a browser could send on its own authority
 * must come from the shop's own pages. That is every unsafe request carrying the session cookie, and every one to
 * {@code /api/account} (a forged sign-in would sign the victim into the attacker's account). Such a request needs
 * {@code Sec-Fetch-Site: same-origin} or an {@code Origin} equal to the site's, when the browser sends them (every
 * current one does, and a request with the cookie must have one), and a JSON body type, which no HTML form and no
 * cross-site "simple" request can send; otherwise 403 and nothing runs. The SameSite=Lax cookie is the first line;
 * this is the second. Stripe's webhook is exempt: its signature authenticates it, and it carries no cookie.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class SameOriginRequests implements ContainerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final String siteOrigin;
    private final String sessionCookie;

    public SameOriginRequests(String siteUrl, String sessionCookie) {
        this.siteOrigin = origin(siteUrl);
        this.sessionCookie = sessionCookie;
    }

    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return;
        }
        // Segments without their matrix parameters: "account;x=1/signin" is the account's sign-in, as Jersey routes it.
        List<String> segments = request.getUriInfo().getPathSegments().stream()
                .map(PathSegment::getPath)
                .filter(segment -> !segment.isEmpty())
                .toList();
        String first = segments.isEmpty() ? "" : segments.get(0);
        if (first.equals("webhooks")) {
            return;
        }
        boolean withCookie = request.getCookies().containsKey(sessionCookie);
        if (!withCookie && !first.equals("account")) {
            return;
        }
        String refusal = refusal(request, withCookie);
        if (refusal != null) {
            request.abortWith(JsonErrors.response(403, refusal));
        }
    }

    private String refusal(ContainerRequestContext request, boolean withCookie) {
        String fetchSite = request.getHeaderString("Sec-Fetch-Site");
        String origin = request.getHeaderString("Origin");
        if (fetchSite != null && !fetchSite.equals("same-origin")) {
            return "refused: this request comes from another site (Sec-Fetch-Site: " + fetchSite + ")";
        }
        if (origin != null && !origin.equals(siteOrigin)) {
            return "refused: this request comes from another origin than " + siteOrigin;
        }
        if (withCookie && fetchSite == null && origin == null) {
            return "refused: a signed-in request must name its origin (the Origin header)";
        }
        MediaType type = request.getMediaType();
        if (type == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
            return "refused: send this request with Content-Type: application/json";
        }
        return null;
    }
}
