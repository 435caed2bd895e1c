package com.orderengine.api.checkout;

import com.orderengine.account.db.Account;
import com.orderengine.api.errors.ApiException;
import com.orderengine.infrastructure.config.CheckoutFactory;
import com.orderengine.infrastructure.logging.OrderLogContext;
import com.orderengine.order.MinorUnits;
import com.orderengine.order.OrderLine;
import com.orderengine.order.OrderReference;
import com.orderengine.order.PricedLine;
import com.orderengine.order.PricedOrder;
import com.orderengine.order.db.OrderDao;
import com.orderengine.order.db.OrderRecord;
import com.orderengine.order.workflow.CheckoutLink;
import com.orderengine.order.workflow.OrderInput;
import com.orderengine.order.workflow.OrderWorkflowClient;
import com.orderengine.product.db.Product;
import com.orderengine.product.db.ProductDao;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a checkout request against the catalogue, then starts (or joins) the order's workflow and returns its
 * URL. Everything that can be refused is refused here, before anything is written or started.
 */
public class CheckoutService {

    private static final Logger log = LoggerFactory.getLogger(CheckoutService.class);

    /** Printable ASCII, as Stripe accepts for its own Idempotency-Key. */
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final ProductDao products;
    private final OrderDao orders;
    private final OrderWorkflowClient workflows;
    private final CheckoutFactory rules;

    public CheckoutService(ProductDao products, OrderDao orders, OrderWorkflowClient workflows, CheckoutFactory rules) {
        this.products = products;
        this.orders = orders;
        this.workflows = workflows;
        this.rules = rules;
    }

    /**
     * A checkout, the signed-in customer's when {@code customer} is present: the order is theirs and goes to
     * their verified address, so another address in the request is refused rather than silently replaced.
     */
    public CheckoutResponse start(CheckoutRequest request, String idempotencyKey, Optional<Account> customer) {
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw ApiException.badRequest("Idempotency-Key must be 1 to 255 printable ASCII characters");
        }
        if (customer.isPresent()
                && !customer.get().email().equalsIgnoreCase(request.email().trim())) {
            throw ApiException.unprocessable("email must be the signed-in account's address, "
                    + customer.get().email() + ", or sign out to check out as a guest");
        }
        Integer userId = customer.map(Account::id).orElse(null);
        List<OrderLine> lines = checkedLines(request.items());
        String orderId =
                idempotencyKey == null ? OrderReference.random() : OrderReference.fromIdempotencyKey(idempotencyKey);
        OrderLogContext.set(orderId);
        OrderInput input = new OrderInput(
                orderId,
                customer.map(Account::email).orElse(request.email()),
                userId,
                rules.getCurrency(),
                lines,
                rules.getSessionTtl().toSeconds(),
                fingerprint(request.email(), userId, lines));
        try {
            CheckoutLink link =
                    workflows.startCheckout(input, rules.getUrlTimeout().toJavaDuration());
            return new CheckoutResponse(link.orderId(), link.url());
        } catch (OrderWorkflowClient.Rejected e) {
            throw new ApiException(e.getMessage().contains("Idempotency-Key") ? 422 : 502, e.getMessage());
        } catch (OrderWorkflowClient.Closed e) {
            return storedCheckout(orderId);
        } catch (OrderWorkflowClient.Unavailable e) {
            log.warn("Checkout for order {} not answered: {}", orderId, e.getMessage());
            throw ApiException.unavailable("checkout is temporarily unavailable; retry"
                    + (idempotencyKey == null ? "" : " with the same Idempotency-Key"));
        }
    }

    /** A retried request whose order already finished gets the same answer as the first time. */
    private CheckoutResponse storedCheckout(String orderId) {
        Optional<OrderRecord> order = orders.findByReference(orderId);
        if (order.isEmpty() || order.get().stripeSessionUrl() == null) {
            throw new ApiException(
                    409, "this Idempotency-Key belongs to a checkout that could not be completed; " + "use a new key");
        }
        return new CheckoutResponse(orderId, order.get().stripeSessionUrl());
    }

    private List<OrderLine> checkedLines(List<CheckoutItem> items) {
        Set<Integer> seen = new LinkedHashSet<>();
        Set<Integer> duplicates = new TreeSet<>();
        List<OrderLine> lines = new ArrayList<>();
        for (CheckoutItem item : items) {
            if (!seen.add(item.productId())) {
                duplicates.add(item.productId());
            }
            if (item.quantity() > rules.getMaxQuantityPerLine()) {
                throw ApiException.unprocessable("quantity " + item.quantity() + " for product " + item.productId()
                        + " exceeds the maximum of " + rules.getMaxQuantityPerLine() + " per line");
            }
            lines.add(new OrderLine(item.productId(), item.quantity()));
        }
        if (!duplicates.isEmpty()) {
            throw ApiException.unprocessable(
                    "duplicate productId " + join(duplicates) + ": send each product once with the total quantity");
        }
        Map<Integer, Product> known = products
                .findByIds(seen.stream().mapToInt(Integer::intValue).toArray())
                .stream()
                .collect(Collectors.toMap(Product::id, Function.identity()));
        Set<Integer> unknown = new TreeSet<>(seen);
        unknown.removeAll(known.keySet());
        if (!unknown.isEmpty()) {
            throw ApiException.unprocessable("unknown productId " + join(unknown));
        }
        // The workflow prices the order again when it stores it; this only refuses what Stripe would refuse.
        PricedOrder preview = PricedOrder.of(
                null,
                rules.getCurrency(),
                lines.stream()
                        .map(line -> {
                            Product product = known.get(line.productId());
                            return PricedLine.of(
                                    product.id(),
                                    product.name(),
                                    line.quantity(),
                                    product.price(),
                                    rules.getCurrency());
                        })
                        .toList());
        if (preview.exceedsMaximumPayment()) {
            throw ApiException.unprocessable("order total " + preview.total().toPlainString()
                    + " exceeds the maximum of "
                    + MinorUnits.toDecimal(PricedOrder.MAX_AMOUNT_TOTAL, rules.getCurrency())
                            .toPlainString());
        }
        return List.copyOf(lines);
    }

    /** Identifies the request's content, so a reused Idempotency-Key with another cart is caught. */
    static String fingerprint(String email, Integer userId, List<OrderLine> lines) {
        StringBuilder canonical = new StringBuilder(email.trim().toLowerCase(Locale.ROOT));
        if (userId != null) {
            canonical.append("|account ").append(userId);
        }
        for (OrderLine line : lines) {
            canonical.append('|').append(line.productId()).append('x').append(line.quantity());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static String join(Set<Integer> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
