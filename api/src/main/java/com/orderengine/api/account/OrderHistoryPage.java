package com.orderengine.api.account;

import com.orderengine.api.order.OrderView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One page of a customer's orders, newest first; {@code nextCursor} fetches the next, null on the last page. */
public record OrderHistoryPage(
        List<OrderView> orders,

        @Schema(
                types = {"string", "null"},
                description = "pass as ?cursor= for the next page; null on the last")
        String nextCursor) {}
