package com.orderengine.mail;

/** A row of {@code outgoing_mail} a relay has claimed to send; {@code attempts} counts the failed ones before. */
public record QueuedMail(
        long id,
        String messageId,
        String kind,
        String recipient,
        String subject,
        String textBody,
        String htmlBody,
        int attempts) {

    public OutgoingMail mail() {
        return new OutgoingMail(messageId, kind, recipient, subject, textBody, htmlBody);
    }
}
