package com.orderengine.stripeemulator.api;

import com.orderengine.stripeemulator.http.Request;
import com.orderengine.stripeemulator.logging.ObjectLabels;
import java.util.List;

/**
 * The labels of the object a request concerns, for the log tag: found in its parameters (a create) or
 * through the object it acts on. Must not change anything.
 */
@FunctionalInterface
interface LabelResolver {

    LabelResolver NONE = request -> List.of();

    List<ObjectLabels> labelsOf(Request request);
}
