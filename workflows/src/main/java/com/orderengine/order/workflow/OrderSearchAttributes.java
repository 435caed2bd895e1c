package com.orderengine.order.workflow;

import io.temporal.common.SearchAttributeKey;
import java.util.List;

/** What operators filter on in the Temporal UI. Ids and statuses only: no personal data. */
public final class OrderSearchAttributes {

    public static final SearchAttributeKey<String> ORDER_ID = SearchAttributeKey.forKeyword("OrderId");
    public static final SearchAttributeKey<String> ORDER_STATUS = SearchAttributeKey.forKeyword("OrderStatus");

    public static final List<SearchAttributeKey<String>> ALL = List.of(ORDER_ID, ORDER_STATUS);

    private OrderSearchAttributes() {}
}
