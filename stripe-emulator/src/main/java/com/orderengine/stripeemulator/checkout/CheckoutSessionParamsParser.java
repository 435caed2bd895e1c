package com.orderengine.stripeemulator.checkout;

import com.orderengine.stripeemulator.http.MetadataParser;
import com.orderengine.stripeemulator.http.Params;
import com.orderengine.stripeemulator.http.StripeErrorException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the parameters of {@code POST /v1/checkout/sessions} into a {@link NewCheckoutSession},
 * rejecting what Stripe rejects with errors that name the offending parameter.
 */
public final class CheckoutSessionParamsParser {

    static final int MAX_CLIENT_REFERENCE_ID_LENGTH = 200;
    static final int MAX_URL_LENGTH = 5000;
    static final Duration MIN_LIFETIME = Duration.ofMinutes(30);
    static final Duration MAX_LIFETIME = Duration.ofHours(24);
    /**
     * Clients compute {@code expires_at} from their own clock a moment before the request lands;
     * a few seconds of slack keeps "now + 30 minutes" from failing on a second boundary.
     */
    static final Duration EXPIRY_SLACK = Duration.ofSeconds(10);

    private static final Set<String> TOP_LEVEL_PARAMS = Set.of(
            "mode",
            "success_url",
            "cancel_url",
            "line_items",
            "metadata",
            "payment_intent_data",
            "client_reference_id",
            "customer_email",
            "expires_at",
            "expand",
            "payment_method_types",
            "ui_mode");
    private static final Set<String> PAYMENT_INTENT_DATA_PARAMS = Set.of("metadata");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Clock clock;

    public CheckoutSessionParamsParser(Clock clock) {
        this.clock = clock;
    }

    public NewCheckoutSession parse(Params params) {
        params.rejectUnknown(TOP_LEVEL_PARAMS);
        String mode = mode(params);
        acceptOnly(params, "ui_mode", "hosted");
        paymentMethodTypes(params);
        params.list("expand"); // accepted for shape only; expansion is the renderer's business
        String successUrl =
                url(params, "success_url").orElseThrow(() -> StripeErrorException.missingParam("success_url"));
        String cancelUrl = url(params, "cancel_url").orElse(null);
        List<NewCheckoutSession.LineItem> lineItems = LineItemParamsParser.parse(params);
        Map<String, String> metadata = MetadataParser.parse(params, "metadata");
        Map<String, String> paymentIntentMetadata = paymentIntentMetadata(params);
        String clientReferenceId = clientReferenceId(params);
        String customerEmail = customerEmail(params);
        Long expiresAt = expiresAt(params);
        return new NewCheckoutSession(
                mode,
                successUrl,
                cancelUrl,
                lineItems,
                metadata,
                paymentIntentMetadata,
                clientReferenceId,
                customerEmail,
                expiresAt);
    }

    private static String mode(Params params) {
        String mode = params.requiredString("mode");
        switch (mode) {
            case "payment":
                return mode;
            case "setup":
            case "subscription":
                // Out of scope by design: the shop sells one-off purchases, so the emulator speaks payment mode.
                throw StripeErrorException.invalidRequest(
                        "The Stripe emulator supports only `mode=payment`, not `" + mode + "`.", "mode");
            default:
                throw StripeErrorException.invalidRequest(
                        "Invalid mode: must be one of payment, setup, or subscription", "mode");
        }
    }

    private static void acceptOnly(Params params, String key, String supported) {
        params.string(key).filter(value -> !value.equals(supported)).ifPresent(value -> {
            throw StripeErrorException.invalidRequest(
                    "The Stripe emulator supports only `" + key + "=" + supported + "`; got `" + value + "`.", key);
        });
    }

    private static void paymentMethodTypes(Params params) {
        List<Object> types = params.list("payment_method_types").orElse(List.of());
        for (int i = 0; i < types.size(); i++) {
            if (!"card".equals(types.get(i))) {
                throw StripeErrorException.invalidRequest(
                        "The Stripe emulator supports only the `card` payment method type.",
                        "payment_method_types[" + i + "]");
            }
        }
    }

    private static Optional<String> url(Params params, String key) {
        Optional<String> value = params.string(key);
        if (value.isEmpty()) {
            return value;
        }
        String url = value.get();
        if (url.length() > MAX_URL_LENGTH) {
            throw StripeErrorException.invalidRequest(
                    "Invalid URL: URL must be " + MAX_URL_LENGTH + " characters or fewer.", key, "url_invalid");
        }
        // Stripe substitutes this template variable itself; braces are not legal in a URI.
        String checkable = url.replace("{CHECKOUT_SESSION_ID}", "cs");
        try {
            URI uri = new URI(checkable);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return value;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw StripeErrorException.invalidRequest("Not a valid URL", key, "url_invalid");
    }

    private static Map<String, String> paymentIntentMetadata(Params params) {
        Optional<Params> data = params.object("payment_intent_data");
        if (data.isEmpty()) {
            return Map.of();
        }
        data.get().rejectUnknown(PAYMENT_INTENT_DATA_PARAMS);
        return MetadataParser.parse(data.get(), "metadata");
    }

    private static String clientReferenceId(Params params) {
        String id = params.string("client_reference_id").orElse(null);
        if (id != null && id.length() > MAX_CLIENT_REFERENCE_ID_LENGTH) {
            throw StripeErrorException.invalidRequest(
                    "Invalid string: " + id.substring(0, 20) + "...; must be at most " + MAX_CLIENT_REFERENCE_ID_LENGTH
                            + " characters",
                    "client_reference_id");
        }
        return id;
    }

    private static String customerEmail(Params params) {
        String email = params.string("customer_email").orElse(null);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw StripeErrorException.invalidRequest(
                    "Invalid email address: " + email, "customer_email", "email_invalid");
        }
        return email;
    }

    private Long expiresAt(Params params) {
        OptionalLong expiresAt = params.integer("expires_at");
        if (expiresAt.isEmpty()) {
            return null;
        }
        long now = clock.instant().getEpochSecond();
        long value = expiresAt.getAsLong();
        if (value < now + MIN_LIFETIME.toSeconds() - EXPIRY_SLACK.toSeconds()) {
            throw StripeErrorException.invalidRequest(
                    "The `expires_at` timestamp must be at least 30 minutes " + "from Checkout Session creation.",
                    "expires_at");
        }
        if (value > now + MAX_LIFETIME.toSeconds() + EXPIRY_SLACK.toSeconds()) {
            throw StripeErrorException.invalidRequest(
                    "The `expires_at` timestamp must be less than 24 hours " + "from Checkout Session creation.",
                    "expires_at");
        }
        return value;
    }
}
