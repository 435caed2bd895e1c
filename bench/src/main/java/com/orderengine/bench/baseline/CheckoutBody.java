package com.orderengine.bench.baseline;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** {@code POST /checkout}: the same body as the engine's; anything else the client sends is ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CheckoutBody(List<CartLine> items, String email) {}
