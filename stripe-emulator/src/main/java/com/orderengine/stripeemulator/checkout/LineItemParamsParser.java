package com.orderengine.stripeemulator.checkout;

import com.orderengine.stripeemulator.http.MetadataParser;
import com.orderengine.stripeemulator.http.Params;
import com.orderengine.stripeemulator.http.StripeErrorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads a Checkout Session's {@code line_items}: inline {@code price_data} lines in a single currency. */
final class LineItemParamsParser {

    static final int MAX_LINE_ITEMS = 100;
    static final long MAX_QUANTITY = 999_999;

    private static final Set<String> LINE_ITEM_PARAMS = Set.of("price", "price_data", "quantity", "metadata");
    private static final Set<String> PRICE_DATA_PARAMS = Set.of("currency", "unit_amount", "product", "product_data");
    private static final Set<String> PRODUCT_DATA_PARAMS = Set.of("name", "description", "images", "metadata");
    private static final Pattern CURRENCY = Pattern.compile("[a-z]{3}");

    private LineItemParamsParser() {}

    static List<NewCheckoutSession.LineItem> parse(Params params) {
        List<Params> lines = params.objectList("line_items")
                .filter(list -> !list.isEmpty())
                .orElseThrow(() -> StripeErrorException.missingParam("line_items"));
        if (lines.size() > MAX_LINE_ITEMS) {
            throw StripeErrorException.invalidRequest(
                    "line_items: You may only specify up to " + MAX_LINE_ITEMS + " line items, but you specified "
                            + lines.size() + ".",
                    "line_items");
        }
        List<NewCheckoutSession.LineItem> result = new ArrayList<>(lines.size());
        long total = 0;
        for (Params line : lines) {
            NewCheckoutSession.LineItem item = lineItem(line);
            if (!result.isEmpty() && !result.get(0).currency().equals(item.currency())) {
                throw StripeErrorException.invalidRequest(
                        "All line items must use the same currency: `"
                                + result.get(0).currency() + "` and `" + item.currency() + "` were both given.",
                        line.nameOf("price_data") + "[currency]");
            }
            try {
                total = Math.addExact(total, Math.multiplyExact(item.unitAmount(), item.quantity()));
            } catch (ArithmeticException e) {
                throw StripeErrorException.invalidRequest(
                        "The total amount of the line items is too large.", "line_items");
            }
            result.add(item);
        }
        return result;
    }

    private static NewCheckoutSession.LineItem lineItem(Params line) {
        line.rejectUnknown(LINE_ITEM_PARAMS);
        line.string("price").ifPresent(priceId -> {
            throw StripeErrorException.invalidRequest(
                    "No such price: '" + priceId + "'", line.nameOf("price"), "resource_missing");
        });
        Params priceData = line.object("price_data")
                .orElseThrow(() -> StripeErrorException.invalidRequest(
                        "You must provide either price or price_data for each line item when using prices.",
                        line.path()));
        priceData.rejectUnknown(PRICE_DATA_PARAMS);
        String currency = priceData.requiredString("currency").toLowerCase(Locale.ROOT);
        if (!CURRENCY.matcher(currency).matches()) {
            throw StripeErrorException.invalidRequest(
                    "Invalid currency: " + currency + ". Currencies are three-letter ISO codes, such as `usd`.",
                    priceData.nameOf("currency"));
        }
        long unitAmount = priceData.requiredInteger("unit_amount");
        atLeast(unitAmount, 0, priceData.nameOf("unit_amount"));
        priceData.string("product").ifPresent(productId -> {
            throw StripeErrorException.invalidRequest(
                    "No such product: '" + productId + "'", priceData.nameOf("product"), "resource_missing");
        });
        Params productData = priceData
                .object("product_data")
                .orElseThrow(() -> StripeErrorException.missingParam(priceData.nameOf("product_data")));
        productData.rejectUnknown(PRODUCT_DATA_PARAMS);
        String name = productData.requiredString("name");
        if (name.isBlank()) {
            throw StripeErrorException.invalidRequest(
                    "This value cannot be blank.", productData.nameOf("name"), "parameter_invalid_string_blank");
        }
        String description = productData.string("description").orElse(null);
        productData.list("images");
        MetadataParser.parse(productData, "metadata");
        MetadataParser.parse(line, "metadata"); // validated; the emulator keeps no per-line metadata
        long quantity = line.requiredInteger("quantity");
        atLeast(quantity, 1, line.nameOf("quantity"));
        if (quantity > MAX_QUANTITY) {
            throw StripeErrorException.invalidRequest(
                    "This value must be less than or equal to " + MAX_QUANTITY + ".",
                    line.nameOf("quantity"),
                    "parameter_invalid_integer");
        }
        return new NewCheckoutSession.LineItem(name, description, unitAmount, quantity, currency);
    }

    private static void atLeast(long value, long minimum, String param) {
        if (value < minimum) {
            throw StripeErrorException.invalidRequest(
                    "This value must be greater than or equal to " + minimum + ".", param, "parameter_invalid_integer");
        }
    }
}
