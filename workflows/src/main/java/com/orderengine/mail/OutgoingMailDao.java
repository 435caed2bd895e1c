package com.orderengine.mail;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The mail waiting to be sent; see {@code 006-outgoing-mail.sql}. */
@RegisterConstructorMapper(QueuedMail.class)
public interface OutgoingMailDao {

    /** True when the mail is new; false when one with its Message-ID was added before (and is kept as it was). */
    @SqlUpdate("""
            INSERT INTO outgoing_mail (message_id, kind, recipient, subject, text_body, html_body)
            VALUES (:messageId, :kind, :recipient, :subject, :text, :html)
            ON CONFLICT (message_id) DO NOTHING
            """)
    boolean add(@BindMethods OutgoingMail mail);

    /**
     * Takes the unsent mail that has waited longest among those due, and puts its next attempt {@code leaseMillis}
     * ahead, in one statement: no other relay takes it until then, and a relay that dies while sending it leaves
     * it to be taken again after that. SKIP LOCKED lets relays claiming at the same moment pass each other's row.
     */
    @SqlQuery("""
            UPDATE outgoing_mail SET next_attempt_at = now() + :leaseMillis * interval '1 millisecond'
            WHERE id = (
                SELECT id FROM outgoing_mail
                WHERE sent_at IS NULL AND next_attempt_at <= now()
                ORDER BY next_attempt_at, id
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING id, message_id, kind, recipient, subject, text_body, html_body, attempts
            """)
    Optional<QueuedMail> claimNext(@Bind("leaseMillis") long leaseMillis);

    /** The server took it: the bodies go, since they may carry a single-use link. */
    @SqlUpdate("""
            UPDATE outgoing_mail SET sent_at = now(), text_body = NULL, html_body = NULL, last_error = NULL
            WHERE id = :id AND sent_at IS NULL
            """)
    boolean markSent(@Bind("id") long id);

    /** The server did not take it: counted, with why, and tried again after {@code retryMillis}. */
    @SqlUpdate("""
            UPDATE outgoing_mail
            SET attempts = attempts + 1, last_error = :error,
                next_attempt_at = now() + :retryMillis * interval '1 millisecond'
            WHERE id = :id AND sent_at IS NULL
            """)
    boolean markFailed(@Bind("id") long id, @Bind("error") String error, @Bind("retryMillis") long retryMillis);

    @SqlQuery("SELECT count(*) FROM outgoing_mail WHERE sent_at IS NULL")
    long countUnsent();
}
