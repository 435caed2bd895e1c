package com.orderengine.api.account;

import com.orderengine.api.errors.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/** Customer accounts under {@code /api/account}; a signed-in customer is known by the session cookie. */
@Path("/account")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    private final AccountService accounts;
    private final AccountSessions sessions;
    private final Duration cookieLifetime;

    public AccountResource(AccountService accounts, AccountSessions sessions, Duration cookieLifetime) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.cookieLifetime = cookieLifetime;
    }

    @POST
    @Path("/signup")
    @Operation(
            summary = "Creates an account and mails a link to confirm the address; the same answer whether or not "
                    + "the address has an account (an existing one is mailed a reminder instead)",
            responses =
                    @ApiResponse(
                            responseCode = "202",
                            description = "a mail is on its way",
                            content = @Content(schema = @Schema(implementation = MailSentAnswer.class))))
    public Response signUp(
            @RequestBody(required = true) @NotNull @Valid AccountRequests.SignUp request,
            @Context HttpServletRequest http) {
        accounts.signUp(request.email(), request.password(), ClientAddress.of(http.getRemoteAddr()));
        return Response.accepted(MailSentAnswer.VERIFICATION).build();
    }

    @POST
    @Path("/verify")
    @Operation(
            summary = "Confirms the address with the mailed token and signs the customer in (the session cookie)",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "signed in",
                            content = @Content(schema = @Schema(implementation = AccountView.class))))
    public Response verify(
            @RequestBody(required = true) @NotNull @Valid AccountRequests.Token request,
            @Parameter(hidden = true) @CookieParam(SessionCookie.NAME) String session) {
        return signedIn(accounts.verify(request.token(), session));
    }

    @POST
    @Path("/signin")
    @Operation(
            summary = "Signs in; a wrong password, an unknown address and an unverified account get the same 401. "
                    + "Repeated failures get 429 with Retry-After",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "signed in (the session cookie)",
                            content = @Content(schema = @Schema(implementation = AccountView.class))))
    public Response signIn(
            @RequestBody(required = true) @NotNull @Valid AccountRequests.SignIn request,
            @Parameter(hidden = true) @CookieParam(SessionCookie.DEVICE_NAME) String device,
            @Parameter(hidden = true) @CookieParam(SessionCookie.NAME) String session,
            @Context HttpServletRequest http) {
        return signedIn(accounts.signIn(
                request.email(), request.password(), ClientAddress.of(http.getRemoteAddr()), device, session));
    }

    @POST
    @Path("/signout")
    @Operation(
            summary = "Ends the session on the server and clears the cookie",
            responses = @ApiResponse(responseCode = "204", description = "signed out"))
    public Response signOut(@Parameter(hidden = true) @CookieParam(SessionCookie.NAME) String session) {
        accounts.signOut(session);
        return Response.noContent().cookie(SessionCookie.expired()).build();
    }

    @GET
    @Operation(summary = "The signed-in customer's account")
    public AccountView account(@Parameter(hidden = true) @CookieParam(SessionCookie.NAME) String session) {
        return AccountView.of(accounts.account(signedInUser(session)));
    }

    @GET
    @Path("/orders")
    @Operation(summary = "The signed-in customer's orders, newest first, 20 a page")
    public OrderHistoryPage orders(
            @Parameter(hidden = true) @CookieParam(SessionCookie.NAME) String session,
            @Parameter(
                            in = ParameterIn.QUERY,
                            description = "nextCursor of the previous page",
                            schema = @Schema(maxLength = 64))
                    @QueryParam("cursor")
                    String cursor) {
        return accounts.orders(signedInUser(session), cursor);
    }

    @POST
    @Path("/password-reset")
    @Operation(
            summary = "Mails a link to choose a new password, valid 30 minutes; the same answer for every address",
            responses =
                    @ApiResponse(
                            responseCode = "202",
                            description = "a mail is on its way if the account exists",
                            content = @Content(schema = @Schema(implementation = MailSentAnswer.class))))
    public Response requestReset(
            @RequestBody(required = true) @NotNull @Valid AccountRequests.ResetRequest request,
            @Context HttpServletRequest http) {
        accounts.requestReset(request.email(), ClientAddress.of(http.getRemoteAddr()));
        return Response.accepted(MailSentAnswer.RESET).build();
    }

    @POST
    @Path("/password-reset/confirm")
    @Operation(
            summary = "Sets a new password with the mailed token; every session of the account ends",
            responses = @ApiResponse(responseCode = "204", description = "the password is changed"))
    public Response confirmReset(@RequestBody(required = true) @NotNull @Valid AccountRequests.NewPassword request) {
        accounts.resetPassword(request.token(), request.password());
        return Response.noContent().build();
    }

    @POST
    @Path("/password")
    @Operation(
            summary = "Changes the signed-in customer's password after checking the current one; every other "
                    + "session of the account ends",
            responses = @ApiResponse(responseCode = "204", description = "the password is changed"))
    public Response changePassword(
            @Parameter(hidden = true) @CookieParam(SessionCookie.NAME) String session,
            @RequestBody(required = true) @NotNull @Valid AccountRequests.PasswordChange request,
            @Context HttpServletRequest http) {
        accounts.changePassword(
                signedInUser(session),
                session,
                request.currentPassword(),
                request.newPassword(),
                ClientAddress.of(http.getRemoteAddr()));
        return Response.noContent().build();
    }

    @DELETE
    @Operation(
            summary = "Deletes the signed-in customer's account after checking its password; orders stay in the "
                    + "shop's books without the link to it",
            responses = @ApiResponse(responseCode = "204", description = "deleted and signed out"))
    public Response delete(
            @Parameter(hidden = true) @CookieParam(SessionCookie.NAME) String session,
            @RequestBody(required = true) @NotNull @Valid AccountRequests.Deletion request,
            @Context HttpServletRequest http) {
        accounts.delete(signedInUser(session), request.password(), ClientAddress.of(http.getRemoteAddr()));
        return Response.noContent().cookie(SessionCookie.expired()).build();
    }

    private Response signedIn(AccountService.SignedIn signedIn) {
        Response.ResponseBuilder response = Response.ok(AccountView.of(signedIn.account()))
                .cookie(SessionCookie.issue(signedIn.sessionToken(), cookieLifetime));
        if (signedIn.deviceToken() != null) {
            response.cookie(SessionCookie.device(signedIn.deviceToken()));
        }
        return response.build();
    }

    private int signedInUser(String session) {
        return sessions.userOf(session).orElseThrow(() -> ApiException.unauthorized("sign in first"));
    }
}
