package com.orderengine.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/** The relay's meters: what waits, what went, what the server did not take. */
public final class MailMetrics {

    public static final String UNSENT = "orderengine.mail.unsent";
    public static final String SENT = "orderengine.mail.sent";
    public static final String FAILURES = "orderengine.mail.failures";

    private final MeterRegistry registry;
    private final AtomicLong unsent = new AtomicLong();

    public MailMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(UNSENT, unsent, AtomicLong::get)
                .description("Mails in outgoing_mail not yet taken by the SMTP server (sampled by the relay)")
                .register(registry);
    }

    void unsent(long mails) {
        unsent.set(mails);
    }

    void sent(String kind) {
        Counter.builder(SENT)
                .description("Mails the SMTP server accepted, by kind")
                .tag("kind", kind)
                .register(registry)
                .increment();
    }

    void failed(String kind) {
        Counter.builder(FAILURES)
                .description("Attempts the SMTP server did not accept (each is tried again), by kind")
                .tag("kind", kind)
                .register(registry)
                .increment();
    }
}
