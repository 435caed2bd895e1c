package com.orderengine.api.account;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The one answer to a sign-up or a reset request, whether or not the address has an account: it tells nobody
 * which do.
 */
public record MailSentAnswer(
        @Schema(allowableValues = {"verification_sent", "reset_sent"})
        String status) {

    static final MailSentAnswer VERIFICATION = new MailSentAnswer("verification_sent");
    static final MailSentAnswer RESET = new MailSentAnswer("reset_sent");
}
