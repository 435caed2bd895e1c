package com.orderengine.dev;

import java.time.Instant;
import java.util.List;

/** A mail the local stack's mail server took, as its page shows it; {@code text} or {@code html} null when absent. */
public record ReceivedMail(
        Instant receivedAt, String messageId, String from, List<String> to, String subject, String text, String html) {}
