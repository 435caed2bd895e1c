package com.orderengine.mail;

import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The mail waiting to be sent; see {@code 006-outgoing-mail.sql}. */
public interface OutgoingMailDao {

    /** True when the mail is new; false when one with its Message-ID was added before (and is kept as it was). */
    @SqlUpdate("""
            INSERT INTO outgoing_mail (message_id, kind, recipient, subject, text_body, html_body)
            VALUES (:messageId, :kind, :recipient, :subject, :text, :html)
            ON CONFLICT (message_id) DO NOTHING
            """)
    boolean add(@BindMethods OutgoingMail mail);
}
