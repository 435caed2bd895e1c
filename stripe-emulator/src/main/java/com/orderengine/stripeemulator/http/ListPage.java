package com.orderengine.stripeemulator.http;

import java.util.List;
import java.util.function.Function;

/** One page of a list, selected by Stripe's list parameters; {@code all} is in the order the API lists. */
public record ListPage<T>(List<T> items, boolean hasMore) {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;

    public ListPage {
        items = List.copyOf(items);
    }

    public static <T> ListPage<T> first(List<T> all) {
        return slice(all, 0, all.size(), DEFAULT_LIMIT, false);
    }

    /**
     * Honours {@code limit}, {@code starting_after} and {@code ending_before}; {@code noun} names the
     * listed objects in the error for an unknown cursor ("line item", "event").
     */
    public static <T> ListPage<T> select(List<T> all, Function<T, String> idOf, String noun, Params params) {
        long limit = params.integer("limit").orElse(DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw StripeErrorException.invalidRequest(
                    "This value must be between 1 and " + MAX_LIMIT + ".", "limit", "parameter_invalid_integer");
        }
        String startingAfter = params.string("starting_after").orElse(null);
        String endingBefore = params.string("ending_before").orElse(null);
        if (startingAfter != null && endingBefore != null) {
            throw StripeErrorException.invalidRequest(
                    "You may only specify one of these parameters: ending_before, starting_after.",
                    "ending_before",
                    "parameters_exclusive");
        }
        if (startingAfter != null) {
            int from = indexOf(all, idOf, startingAfter, noun, "starting_after") + 1;
            return slice(all, from, all.size(), (int) limit, false);
        }
        if (endingBefore != null) {
            return slice(all, 0, indexOf(all, idOf, endingBefore, noun, "ending_before"), (int) limit, true);
        }
        return slice(all, 0, all.size(), (int) limit, false);
    }

    /** Up to {@code limit} items of {@code all[from, to)}, taken from the end when paging backwards. */
    private static <T> ListPage<T> slice(List<T> all, int from, int to, int limit, boolean backwards) {
        int available = to - from;
        if (available <= limit) {
            return new ListPage<>(all.subList(from, to), false);
        }
        List<T> page = backwards ? all.subList(to - limit, to) : all.subList(from, from + limit);
        return new ListPage<>(page, true);
    }

    private static <T> int indexOf(List<T> all, Function<T, String> idOf, String id, String noun, String param) {
        for (int i = 0; i < all.size(); i++) {
            if (idOf.apply(all.get(i)).equals(id)) {
                return i;
            }
        }
        throw StripeErrorException.invalidRequest("No such " + noun + ": '" + id + "'", param, "resource_missing");
    }
}
