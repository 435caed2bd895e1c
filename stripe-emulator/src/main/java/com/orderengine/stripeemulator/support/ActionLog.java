package com.orderengine.stripeemulator.support;

import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * Runs an action a person takes (the customer on the hosted page, an operator, a test through the Java
 * API) tagged with the order it concerns, and logs one INFO line for it:
 * {@code Hosted page pay cs_test_…: complete, paid, pi_…}, or {@code … refused: <why>} when the action is
 * refused (an {@link IllegalArgumentException} or {@link IllegalStateException}, which is rethrown).
 */
public final class ActionLog {

    private final Logger log;
    private final String actor;

    /** @param actor who acts, the line's first words: {@code Hosted page}, {@code Operator} */
    public ActionLog(Logger log, String actor) {
        this.log = log;
        this.actor = actor;
    }

    /**
     * @param orderId the order the action concerns (null or not an order reference for none)
     * @param outcome what came of it, for the line
     */
    public <T> T run(String action, String target, String orderId, Supplier<T> work, Function<T, String> outcome) {
        OrderLogContext.Scope order = OrderLogContext.open(orderId);
        try {
            T result;
            try {
                result = work.get();
            } catch (IllegalArgumentException | IllegalStateException e) {
                log.info("{} {} {} refused: {}", actor, action, target, e.getMessage());
                throw e;
            }
            log.info("{} {} {}: {}", actor, action, target, outcome.apply(result));
            return result;
        } finally {
            order.close();
        }
    }
}
