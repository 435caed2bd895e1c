package com.orderengine.api.account;

import com.orderengine.account.db.Account;
import io.swagger.v3.oas.annotations.media.Schema;

/** The signed-in customer's account, as {@code GET /api/account}, sign-in and verification answer it. */
public record AccountView(
        @Schema(example = "ada@example.com") String email,
        @Schema(example = "customer") String role,
        boolean verified,
        @Schema(format = "date-time") String createdAt) {

    static AccountView of(Account account) {
        return new AccountView(
                account.email(),
                account.role(),
                account.isVerified(),
                account.createdAt().toString());
    }
}
