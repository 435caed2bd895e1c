package com.orderengine.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.orderengine.mail.SmtpMailer;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;

/** A real SMTP server for a test (GreenMail, in this JVM) on a port of its own, and a mailer pointed at it. */
public final class TestSmtp implements AutoCloseable {

    public static final String FROM = "Test Shop <shop@shop.test>";

    private final int port;
    private GreenMail server;

    private TestSmtp(int port) {
        this.port = port;
    }

    /** Started on a free port. */
    public static TestSmtp start() {
        TestSmtp smtp = new TestSmtp(FreePorts.next());
        smtp.up();
        return smtp;
    }

    /** Nothing listens on its port until {@link #up}: an SMTP server that is down. */
    public static TestSmtp down() {
        return new TestSmtp(FreePorts.next());
    }

    /** Starts the server, with an empty mailbox. */
    public synchronized TestSmtp up() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
        return this;
    }

    /** Stops the server; what it received is gone. */
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public int port() {
        return port;
    }

    /** Every mail the running server has accepted, in the order it took them. */
    public synchronized List<MimeMessage> received() {
        return server == null ? List.of() : List.of(server.getReceivedMessages());
    }

    public SmtpMailer mailer() {
        return mailer(Duration.ofSeconds(2));
    }

    public SmtpMailer mailer(Duration timeouts) {
        try {
            return new SmtpMailer(new SmtpMailer.Settings(
                    "127.0.0.1",
                    port,
                    "",
                    "",
                    SmtpMailer.Tls.NONE,
                    new InternetAddress(FROM, true),
                    timeouts,
                    timeouts));
        } catch (AddressException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
