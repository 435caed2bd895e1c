package com.orderengine.order;

/** A cart line as the client asked for it: which product and how many. Never a price. */
public record OrderLine(int productId, int quantity) {}
