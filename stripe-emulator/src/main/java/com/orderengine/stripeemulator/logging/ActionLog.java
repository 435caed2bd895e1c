package com.orderengine.stripeemulator.logging;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * Runs an action a person takes (the customer on the hosted page, an operator, a test through the Java
 * API) tagged with the object it concerns (see {@link LogTagger}), and logs one INFO line for it:
 * {@code Hosted page pay cs_test_…: complete, paid, pi_…}, or {@code … refused: <why>} when the action is
 * refused (an {@link IllegalArgumentException} or {@link IllegalStateException}, which is rethrown).
 */
public final class ActionLog {

    private final Logger log;
    private final String actor;
    private final LogTagger tagger;

    /** @param actor who acts, the line's first words: {@code Hosted page}, {@code Operator} */
    public ActionLog(Logger log, String actor, LogTagger tagger) {
        this.log = log;
        this.actor = actor;
        this.tagger = tagger;
    }

    /**
     * @param labels the labels of the object the action concerns, for the tagger
     * @param outcome what came of it, for the line
     */
    public <T> T run(
            String action, String target, List<ObjectLabels> labels, Supplier<T> work, Function<T, String> outcome) {
        LogTagger.Scope tags = tagger.tag(labels);
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
            tags.close();
        }
    }
}
