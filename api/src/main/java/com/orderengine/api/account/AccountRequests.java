package com.orderengine.api.account;

import com.orderengine.api.http.ApiSchemas;
import com.orderengine.api.http.WellFormedEmail;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The bodies the account endpoints take. Passwords are checked by {@link PasswordPolicy}, not by annotations, so
 * one rule gives one message; records holding one print it as {@code ***}, so no log line can carry it.
 */
public final class AccountRequests {

    private AccountRequests() {}

    @Schema(name = "SignUpRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record SignUp(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "ada@example.com",
                    pattern = ApiSchemas.EMAIL)
            @NotBlank
            @Size(max = 254)
            @Email
            @WellFormedEmail
            String email,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    minLength = PasswordPolicy.MIN_LENGTH,
                    description = "8 to 128 characters, not one of the most common passwords")
            @NotNull
            String password) {
        @Override
        public String toString() {
            return "SignUp[email=" + email + ", password=***]";
        }
    }

    @Schema(name = "SignInRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record SignIn(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "ada@example.com") @NotBlank @Size(max = 254)
            String email,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull @Size(max = 1024)
            String password) {
        @Override
        public String toString() {
            return "SignIn[email=" + email + ", password=***]";
        }
    }

    @Schema(name = "TokenRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record Token(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "the token from the mailed link")
            @NotBlank
            @Size(max = 64)
            String token) {
        @Override
        public String toString() {
            return "Token[***]";
        }
    }

    @Schema(name = "PasswordResetRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record ResetRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "ada@example.com") @NotBlank @Size(max = 254)
            String email) {}

    @Schema(name = "PasswordResetConfirmation", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record NewPassword(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "the token from the mailed link")
            @NotBlank
            @Size(max = 64)
            String token,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    minLength = PasswordPolicy.MIN_LENGTH,
                    description = "8 to 128 characters, not one of the most common passwords")
            @NotNull
            String password) {
        @Override
        public String toString() {
            return "NewPassword[token=***, password=***]";
        }
    }

    @Schema(name = "PasswordChange", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record PasswordChange(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "the account's current password")
            @NotNull
            @Size(max = 1024)
            String currentPassword,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    minLength = PasswordPolicy.MIN_LENGTH,
                    description = "8 to 128 characters, not one of the most common passwords")
            @NotNull
            String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[currentPassword=***, newPassword=***]";
        }
    }

    @Schema(name = "AccountDeletion", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    public record Deletion(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "the account's current password")
            @NotNull
            @Size(max = 1024)
            String password) {
        @Override
        public String toString() {
            return "Deletion[password=***]";
        }
    }
}
