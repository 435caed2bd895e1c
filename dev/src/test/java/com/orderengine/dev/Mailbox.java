package com.orderengine.dev;

import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A customer's mailbox on the local stack's mail server, read over IMAP as a mail client reads it: the user name is
 * the address, any password will do.
 */
final class Mailbox {

    private final String host;
    private final int imapPort;
    private final String address;

    Mailbox(String host, int imapPort, String address) {
        this.host = host;
        this.imapPort = imapPort;
        this.address = address;
    }

    /** The first match of {@code link} in the text of the newest mail that has one. */
    Optional<String> newestLink(Pattern link) {
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "5000");
        try {
            Store store = Session.getInstance(properties).getStore("imap");
            store.connect(host, imapPort, address, "any password");
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                try {
                    Message[] messages = inbox.getMessages();
                    for (int i = messages.length - 1; i >= 0; i--) {
                        Matcher matcher = link.matcher(text(messages[i]));
                        if (matcher.find()) {
                            return Optional.of(matcher.group());
                        }
                    }
                    return Optional.empty();
                } finally {
                    inbox.close(false);
                }
            } finally {
                store.close();
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("could not read " + address + "'s mailbox at " + host + ":" + imapPort, e);
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                text.append(text(child));
            }
            return text.toString();
        }
        return "";
    }
}
