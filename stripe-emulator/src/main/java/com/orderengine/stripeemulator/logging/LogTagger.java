package com.orderengine.stripeemulator.logging;

import java.util.List;

/**
 * Tags the log lines of what the emulator does about a Stripe object with the caller's own context (an
 * order, say), chosen from the labels the caller wrote on that object and the objects it came from. The
 * emulator knows Stripe's objects, not what the caller's references look like; that is the tagger's part.
 *
 * <p>The emulator may run on a caller's thread (its Java API), so a scope must put back whatever the
 * thread held before rather than clear it.
 */
@FunctionalInterface
public interface LogTagger {

    /** Tags nothing: the default. */
    LogTagger NONE = labels -> () -> {};

    /**
     * Tags this thread's log lines until the scope closes.
     *
     * @param labels the labels of the object concerned and of the objects it came from (its session, its
     *     PaymentIntent, its charge), most specific first; empty when it concerns no labelled object
     */
    Scope tag(List<ObjectLabels> labels);

    /** A {@link #tag} scope; closing it throws nothing. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
