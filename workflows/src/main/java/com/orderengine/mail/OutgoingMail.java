package com.orderengine.mail;

/**
 * A mail to one customer, as the shop composed it. {@code messageId} is its Message-ID without the angle brackets,
 * stable for the event it reports (an order's confirmation, a sign-up's verification), so that adding it twice adds
 * it once. {@code kind} names the event for the operators, e.g. {@code account.verify} or {@code order.paid}.
 */
public record OutgoingMail(String messageId, String kind, String recipient, String subject, String text, String html) {}
