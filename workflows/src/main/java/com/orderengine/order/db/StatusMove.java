package com.orderengine.order.db;

import java.time.Instant;

/** An order's row as a status change left it: what the paid metrics need, without reading the row again. */
public record StatusMove(int id, Instant createdAt, Instant paidAt) {}
