package com.orderengine.api.account;

import com.orderengine.mail.Html;
import com.orderengine.mail.OutgoingMail;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * The mails an account sends, in text and HTML. A link carries its token after {@code #}: the fragment never
 * reaches a server, a log or a {@code Referer}; the storefront's page reads it and posts it to the api.
 */
public final class AccountMails {

    public static final String VERIFY = "account.verify";
    public static final String ALREADY_REGISTERED = "account.already-registered";
    public static final String RESET = "account.reset";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String siteUrl;
    private final String shopName;
    private final String messageIdDomain;

    public AccountMails(String siteUrl, String shopName, String messageIdDomain) {
        this.siteUrl = siteUrl;
        this.shopName = shopName;
        this.messageIdDomain = messageIdDomain;
    }

    public OutgoingMail verification(String email, String token, Duration lifetime) {
        String link = siteUrl + "/account/verify#token=" + token;
        return mail(
                VERIFY,
                email,
                "Confirm your email address for " + shopName,
                "Welcome to " + shopName + ".",
                "To finish creating your account, confirm your email address within " + hours(lifetime) + ":",
                link,
                "Confirm my email address",
                "If you did not sign up, ignore this mail: no account is created until the address is confirmed.");
    }

    public OutgoingMail alreadyRegistered(String email) {
        String link = siteUrl + "/account/reset";
        return mail(
                ALREADY_REGISTERED,
                email,
                "You already have an account at " + shopName,
                "Someone, perhaps you, tried to create an account at " + shopName + " with this address.",
                "This address already has an account. If you forgot its password, you can choose a new one:",
                link,
                "Reset my password",
                "If it was not you, ignore this mail: nothing has changed.");
    }

    public OutgoingMail passwordReset(String email, String token, Duration lifetime) {
        String link = siteUrl + "/account/reset#token=" + token;
        return mail(
                RESET,
                email,
                "Reset your password at " + shopName,
                "Someone, perhaps you, asked to reset the password of your " + shopName + " account.",
                "Choose a new password within " + minutes(lifetime) + "; the link works once:",
                link,
                "Choose a new password",
                "If it was not you, ignore this mail: your password stays as it is.");
    }

    private OutgoingMail mail(
            String kind,
            String email,
            String subject,
            String greeting,
            String instruction,
            String link,
            String button,
            String footnote) {
        String text = greeting + "\n\n" + instruction + "\n\n" + link + "\n\n" + footnote + "\n\n— " + shopName + "\n";
        String html = "<!doctype html><html><body style=\"font-family:sans-serif;line-height:1.5\">"
                + "<p>" + Html.escape(greeting) + "</p>"
                + "<p>" + Html.escape(instruction) + "</p>"
                + "<p><a href=\"" + Html.escape(link) + "\" style=\"display:inline-block;padding:.6em 1.2em;"
                + "background:#1d4ed8;color:#fff;border-radius:6px;text-decoration:none\">" + Html.escape(button)
                + "</a></p>"
                + "<p style=\"font-size:.9em;color:#555\">Or open " + Html.escape(link) + "</p>"
                + "<p style=\"font-size:.9em;color:#555\">" + Html.escape(footnote) + "</p>"
                + "<p>— " + Html.escape(shopName) + "</p></body></html>";
        return new OutgoingMail(messageId(kind), kind, email, subject, text, html);
    }

    /** Each mail of an account is its own event: a random Message-ID, unique in the outbox. */
    private String messageId(String kind) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return kind + "." + HexFormat.of().formatHex(bytes) + "@" + messageIdDomain;
    }

    private static String hours(Duration lifetime) {
        long hours = lifetime.toHours();
        return hours >= 1 ? hours + (hours == 1 ? " hour" : " hours") : minutes(lifetime);
    }

    private static String minutes(Duration lifetime) {
        long minutes = lifetime.toMinutes();
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
