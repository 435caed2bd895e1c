package com.orderengine.dev;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local stack's mail server: GreenMail, a real SMTP server the worker's relay sends to and an IMAP server a
 * mail client can read from (log in with the recipient's address as user name and any password), and a page
 * listing every mail received, newest first, with its links clickable. Mail is kept in memory: a restart of the
 * stack starts with an empty mailbox.
 */
public final class LocalMail implements AutoCloseable {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final String host;
    private final GreenMail server;
    private final HttpServer page;

    private LocalMail(String host, GreenMail server, HttpServer page) {
        this.host = host;
        this.server = server;
        this.page = page;
    }

    /** SMTP, IMAP and the page, each on its port of {@code host}. */
    public static LocalMail start(String host, int smtpPort, int imapPort, int pagePort) throws IOException {
        GreenMail server = new GreenMail(new ServerSetup[] {
                    new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP),
                    new ServerSetup(imapPort, host, ServerSetup.PROTOCOL_IMAP)
                })
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        HttpServer page;
        try {
            page = HttpServer.create(new InetSocketAddress(host, pagePort), 0);
        } catch (IOException e) {
            server.stop();
            throw e;
        }
        LocalMail mail = new LocalMail(host, server, page);
        page.createContext("/", mail::answer);
        page.start();
        return mail;
    }

    public String pageUrl() {
        return "http://" + host + ":" + page.getAddress().getPort() + "/";
    }

    public String smtpAddress() {
        return host + ":" + server.getSmtp().getServerSetup().getPort();
    }

    public String imapAddress() {
        return host + ":" + server.getImap().getServerSetup().getPort();
    }

    /** Every mail received, newest first. */
    public List<ReceivedMail> received() {
        MimeMessage[] messages = server.getReceivedMessages();
        List<ReceivedMail> received = new ArrayList<>(messages.length);
        for (int i = messages.length - 1; i >= 0; i--) {
            received.add(read(messages[i]));
        }
        return received;
    }

    private static ReceivedMail read(MimeMessage message) {
        try {
            Date at = message.getReceivedDate() != null ? message.getReceivedDate() : message.getSentDate();
            List<String> to = new ArrayList<>();
            for (Address address : message.getAllRecipients() == null ? new Address[0] : message.getAllRecipients()) {
                to.add(address.toString());
            }
            String[] bodies = new String[2];
            collect(message, bodies);
            return new ReceivedMail(
                    at == null ? Instant.now() : at.toInstant(),
                    message.getMessageID(),
                    message.getFrom() == null || message.getFrom().length == 0 ? null : message.getFrom()[0].toString(),
                    List.copyOf(to),
                    message.getSubject(),
                    bodies[0],
                    bodies[1]);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("could not read a received mail", e);
        }
    }

    /** The first text/plain part into {@code bodies[0]}, the first text/html into {@code bodies[1]}. */
    private static void collect(Part part, String[] bodies) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && bodies[0] == null) {
            bodies[0] = ((String) part.getContent()).replace("\r\n", "\n");
        } else if (part.isMimeType("text/html") && bodies[1] == null) {
            bodies[1] = ((String) part.getContent()).replace("\r\n", "\n");
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, bodies);
            }
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/")) {
                send(exchange, 404, "text/plain", "Not found; the mail is at /");
                return;
            }
            if (!exchange.getRequestMethod().equals("GET")
                    && !exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain", "Method not allowed");
                return;
            }
            send(exchange, 200, "text/html; charset=utf-8", page(received()));
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private String page(List<ReceivedMail> mails) {
        StringBuilder html = new StringBuilder()
                .append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Mail — local stack</title>")
                .append("<style>body{font-family:sans-serif;margin:2rem;max-width:60rem}")
                .append("article{border:1px solid #ccc;border-radius:6px;padding:1rem;margin:1rem 0}")
                .append("pre{white-space:pre-wrap}iframe{width:100%;height:24rem;border:1px solid #eee}")
                .append("dt{font-weight:bold;float:left;width:6rem}dd{margin-left:6rem}</style></head>\n<body>\n")
                .append("<h1>Mail received by the local stack</h1>\n<p>")
                .append(mails.size())
                .append(" mail(s), newest first; reload for new ones. IMAP on ")
                .append(escape(imapAddress()))
                .append(" (user name: the recipient's address, any password).</p>\n");
        for (ReceivedMail mail : mails) {
            html.append("<article data-message-id=\"")
                    .append(escape(String.valueOf(mail.messageId())))
                    .append("\">\n<dl><dt>Time</dt><dd>")
                    .append(escape(TIME.format(mail.receivedAt())))
                    .append("</dd><dt>To</dt><dd>")
                    .append(escape(String.join(", ", mail.to())))
                    .append("</dd><dt>Subject</dt><dd>")
                    .append(escape(String.valueOf(mail.subject())))
                    .append("</dd><dt>Message-ID</dt><dd><code>")
                    .append(escape(String.valueOf(mail.messageId())))
                    .append("</code></dd></dl>\n");
            if (mail.html() != null) {
                // The mail's own HTML, kept from this page's script and style; its links open a new tab.
                html.append("<iframe sandbox=\"allow-popups allow-popups-to-escape-sandbox\" srcdoc=\"")
                        .append(escape("<base target=\"_blank\">" + mail.html()))
                        .append("\"></iframe>\n");
            }
            if (mail.text() != null) {
                html.append("<pre>").append(linked(mail.text())).append("</pre>\n");
            }
            html.append("</article>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    /** The text escaped, with its http(s) addresses as links. */
    static String linked(String text) {
        Matcher links = LINK.matcher(text);
        StringBuilder html = new StringBuilder();
        int at = 0;
        while (links.find()) {
            html.append(escape(text.substring(at, links.start())));
            String url = escape(links.group());
            html.append("<a href=\"").append(url).append("\">").append(url).append("</a>");
            at = links.end();
        }
        return html.append(escape(text.substring(at))).toString();
    }

    static String escape(String value) {
        return value.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    @Override
    public void close() {
        page.stop(0);
        server.stop();
    }
}
