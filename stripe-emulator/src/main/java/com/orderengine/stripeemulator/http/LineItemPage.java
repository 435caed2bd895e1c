package com.orderengine.stripeemulator.http;

import com.orderengine.stripeemulator.checkout.CheckoutLineItem;
import com.orderengine.stripeemulator.error.StripeErrorException;
import com.orderengine.stripeemulator.form.Params;
import java.util.List;

/** One page of a session's line items, selected by Stripe's list parameters. */
record LineItemPage(List<CheckoutLineItem> items, boolean hasMore) {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;

    static LineItemPage first(List<CheckoutLineItem> all) {
        return slice(all, 0, all.size(), DEFAULT_LIMIT, false);
    }

    /** Honours {@code limit}, {@code starting_after} and {@code ending_before}. */
    static LineItemPage select(List<CheckoutLineItem> all, Params params) {
        long limit = params.integer("limit").orElse(DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw StripeErrorException.invalidRequest("This value must be between 1 and " + MAX_LIMIT + ".",
                    "limit", "parameter_invalid_integer");
        }
        String startingAfter = params.string("starting_after").orElse(null);
        String endingBefore = params.string("ending_before").orElse(null);
        if (startingAfter != null && endingBefore != null) {
            throw StripeErrorException.invalidRequest(
                    "You may only specify one of these parameters: ending_before, starting_after.",
                    "ending_before", "parameters_exclusive");
        }
        if (startingAfter != null) {
            return slice(all, indexOf(all, startingAfter, "starting_after") + 1, all.size(), (int) limit, false);
        }
        if (endingBefore != null) {
            return slice(all, 0, indexOf(all, endingBefore, "ending_before"), (int) limit, true);
        }
        return slice(all, 0, all.size(), (int) limit, false);
    }

    /** Up to {@code limit} items of {@code all[from, to)}, taken from the end when paging backwards. */
    private static LineItemPage slice(List<CheckoutLineItem> all, int from, int to, int limit, boolean backwards) {
        int available = to - from;
        if (available <= limit) {
            return new LineItemPage(List.copyOf(all.subList(from, to)), false);
        }
        List<CheckoutLineItem> page = backwards ? all.subList(to - limit, to) : all.subList(from, from + limit);
        return new LineItemPage(List.copyOf(page), true);
    }

    private static int indexOf(List<CheckoutLineItem> all, String id, String param) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(id)) {
                return i;
            }
        }
        throw StripeErrorException.invalidRequest("No such line item: '" + id + "'", param, "resource_missing");
    }
}
