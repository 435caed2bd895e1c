package com.orderengine.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;

/**
 * Hands one mail at a time to an SMTP server (Jakarta Mail, Angus): a multipart/alternative message with a plain
 * text and an HTML part, both UTF-8, under the Message-ID the shop gave it. A new connection per mail: the relay
 * sends few, and a connection never outlives a server restart.
 */
public final class SmtpMailer {

    /** How the connection to the SMTP server is protected. */
    public enum Tls {
        /** Plain SMTP: only for a server on this machine or a trusted network (the local stack's). */
        NONE,
        /** STARTTLS, required: nothing is sent over a connection the server would not upgrade. */
        STARTTLS,
        /** TLS from the first byte (SMTPS, usually port 465). */
        IMPLICIT
    }

    /** {@code username} empty for a server that needs no login. */
    public record Settings(
            String host,
            int port,
            String username,
            String password,
            Tls tls,
            InternetAddress from,
            Duration connectTimeout,
            Duration readTimeout) {}

    private final Settings settings;
    private final Session session;

    public SmtpMailer(Settings settings) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
    }

    private static Properties properties(Settings settings) {
        String protocol = settings.tls() == Tls.IMPLICIT ? "smtps" : "smtp";
        String prefix = "mail." + protocol + ".";
        Properties properties = new Properties();
        properties.setProperty("mail.transport.protocol", protocol);
        properties.setProperty(prefix + "host", settings.host());
        properties.setProperty(prefix + "port", String.valueOf(settings.port()));
        properties.setProperty(
                prefix + "connectiontimeout",
                String.valueOf(settings.connectTimeout().toMillis()));
        properties.setProperty(
                prefix + "timeout", String.valueOf(settings.readTimeout().toMillis()));
        properties.setProperty(
                prefix + "writetimeout", String.valueOf(settings.readTimeout().toMillis()));
        properties.setProperty(
                prefix + "auth", String.valueOf(!settings.username().isEmpty()));
        if (settings.tls() == Tls.STARTTLS) {
            properties.setProperty(prefix + "starttls.enable", "true");
            properties.setProperty(prefix + "starttls.required", "true");
        }
        if (settings.tls() != Tls.NONE) {
            // A certificate for another name is refused, as a browser would refuse it.
            properties.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        return properties;
    }

    public Settings settings() {
        return settings;
    }

    /** Returns once the server has accepted the mail; throws when it did not (and then it may be sent again). */
    public void send(OutgoingMail mail) throws MessagingException {
        MimeMessage message = compose(mail);
        if (settings.username().isEmpty()) {
            Transport.send(message);
        } else {
            Transport.send(message, settings.username(), settings.password());
        }
    }

    /** The message as it goes out; its Message-ID is {@code <messageId>} exactly. */
    public MimeMessage compose(OutgoingMail mail) throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, mail.messageId());
        message.setFrom(settings.from());
        message.setRecipients(Message.RecipientType.TO, recipients(mail.recipient()));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
        // Least preferred first: a client shows the last part it can.
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    /** A display name is encoded (RFC 2047), so a name such as Zoë survives servers that only take ASCII headers. */
    private static InternetAddress[] recipients(String recipient) throws MessagingException {
        InternetAddress[] addresses = InternetAddress.parse(recipient, true);
        for (int i = 0; i < addresses.length; i++) {
            if (addresses[i].getPersonal() != null) {
                try {
                    addresses[i] = new InternetAddress(
                            addresses[i].getAddress(), addresses[i].getPersonal(), StandardCharsets.UTF_8.name());
                } catch (UnsupportedEncodingException e) {
                    throw new IllegalStateException("UTF-8 is always supported", e);
                }
            }
        }
        return addresses;
    }

    /**
     * Jakarta Mail makes up a new Message-ID whenever a message is saved; this one keeps the shop's, so a mail sent
     * again after a crash carries the Message-ID it had the first time.
     */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + messageId + ">");
        }
    }
}
