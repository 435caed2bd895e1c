package com.orderengine.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A customer's account in a real browser against the running local stack: signing up, the mailed links, buying while
 * signed in through the emulator's hosted page, the order history, signing out, a password reset, and a guest's
 * earlier order claimed by the account. The stack's site is {@code http://localhost:<port>}, which Chromium treats
 * as a secure context, so the {@code __Host-} cookie (Secure) works there over plain http.
 */
class BrowserAccountTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String NEW_PASSWORD = "a brand new passphrase";

    private static BrowserStack shop;
    private static LocalStack stack;
    private static ChromeDriver browser;
    private static WebDriverWait wait;
    private static String site;

    @BeforeAll
    static void start() throws Exception {
        shop = BrowserStack.start("browser-accounts", 1280, 900, Duration.ofSeconds(20));
        stack = shop.stack();
        browser = shop.browser();
        wait = shop.waitUpTo();
        site = stack.storefrontUrl();
        browser.manage().timeouts().scriptTimeout(Duration.ofMinutes(2));
    }

    @AfterAll
    static void stop() {
        if (shop != null) {
            shop.close();
        }
    }

    @BeforeEach
    void signedOutWithAnEmptyCart() {
        browser.get(site + "/");
        browser.manage().deleteAllCookies();
        browser.executeScript("window.localStorage.clear(); window.sessionStorage.clear()");
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void signUpVerifyBuySeeTheOrderInTheHistoryAndSignOut() {
        String email = unique("ada@example.com");
        browser.get(site + "/");
        assertThat(visible("[data-testid=signin-link]").getText()).isEqualTo("Sign in");

        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(site + "/account/signup");
        visible("[data-testid=signin-link]");
        Chromium.screenshot(browser, "account-signup-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));
        type("[data-testid=email]", email);
        type("[data-testid=password]", "password1");
        click("[data-testid=submit]");
        WebElement refusal =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#signup-form [role=alert]")));
        wait.until(ExpectedConditions.textToBePresentInElement(refusal, "common"));
        assertThat(count("SELECT count(*) FROM users WHERE email = ?", email))
                .as("a weak password creates nothing")
                .isZero();

        type("[data-testid=password]", PASSWORD);
        click("[data-testid=submit]");
        assertThat(visible("[data-testid=sent]").getText()).contains(email);
        Chromium.screenshot(browser, "account-signup-sent");

        String link = mailedLink(email, "account.verify");
        assertThat(link).startsWith(site + "/account/verify#token=");
        browser.get(link);
        wait.until(ExpectedConditions.urlToBe(site + "/account"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=account-page-email]"), email));
        assertThat(text("[data-testid=account-email]")).as("the header").isEqualTo(email);
        assertThat(visible("[data-testid=orders-empty]").getText()).contains("No orders yet");

        Cookie session = browser.manage().getCookieNamed("__Host-session");
        assertThat(session)
                .as("Chromium kept the Secure cookie on http://localhost")
                .isNotNull();
        assertThat(session.isSecure()).isTrue();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getPath()).isEqualTo("/");
        assertThat(session.getSameSite()).isEqualTo("Lax");
        assertThat((String) browser.executeScript("return document.cookie")).doesNotContain("__Host-session");

        browser.navigate().back();
        wait.until(ExpectedConditions.urlToBe(site + "/account/signup"));
        assertThat(browser.getCurrentUrl())
                .as("no history entry keeps the token")
                .doesNotContain("token");
        browser.navigate().forward();
        wait.until(ExpectedConditions.urlToBe(site + "/account"));

        browser.get(site + "/");
        click("[data-testid=add-1]");
        click("[data-testid=add-2]");
        browser.get(site + "/cart");
        WebElement emailInput = visible("[data-testid=email]");
        wait.until(ExpectedConditions.attributeToBe(emailInput, "value", email));
        assertThat(emailInput.getDomProperty("readOnly")).isEqualTo("true");
        assertThat(visible("[data-testid=account-note]").getText()).contains("signed in");
        Chromium.screenshot(browser, "cart-signed-in");
        click("[data-testid=checkout]");
        wait.until(ExpectedConditions.urlContains("/c/pay/"));
        String sessionId = sessionIdOfHostedPage();
        shop.pressOnHostedPage("pay");
        wait.until(ExpectedConditions.urlContains("/checkout/success?session_id=" + sessionId));
        String orderId = shop.orderOf(sessionId);
        shop.awaitOrderStatus(orderId, "paid");
        assertThat(count(
                        "SELECT count(*) FROM orders o JOIN users u ON u.id = o.user_id WHERE o.reference = ? AND u.email = ?",
                        orderId,
                        email))
                .as("the order is the account's")
                .isEqualTo(1);

        browser.get(site + "/account");
        WebElement order = visible("[data-testid='order-" + orderId + "']");
        assertThat(order.findElement(By.cssSelector("[data-testid=order-status]"))
                        .getText())
                .isEqualTo("paid");
        assertThat(order.findElement(By.cssSelector("[data-testid=order-total]"))
                        .getText())
                .isEqualTo("$33.99");
        assertThat(order.getText()).contains("Ceramic Mug", "Canvas Tote", orderId);
        assertThat(browser.findElement(By.cssSelector("[data-testid=load-more]"))
                        .isDisplayed())
                .as("one order, one page")
                .isFalse();
        Chromium.screenshot(browser, "account");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        visible("[data-testid='order-" + orderId + "']");
        Chromium.screenshot(browser, "account-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));

        click("[data-testid=signout]");
        wait.until(ExpectedConditions.urlToBe(site + "/"));
        visible("[data-testid=signin-link]");
        assertThat(browser.manage().getCookieNamed("__Host-session")).isNull();
        browser.get(site + "/account");
        wait.until(ExpectedConditions.urlToBe(site + "/account/signin"));
        browser.get(site + "/");
        click("[data-testid=add-4]");
        browser.get(site + "/cart");
        WebElement guestEmail = visible("[data-testid=email]");
        assertThat(guestEmail.getDomProperty("readOnly"))
                .as("a guest types any address")
                .isEqualTo("false");
        assertThat(guestEmail.getDomProperty("value")).isEmpty();
    }

    @Test
    void aPasswordResetFromTheMailLetsTheCustomerSignInWithTheNewPasswordOnly() {
        String email = unique("grace@example.com");
        signUpAndVerify(email);
        click("[data-testid=signout]");
        wait.until(ExpectedConditions.urlToBe(site + "/"));

        browser.get(site + "/account/signin");
        click("[data-testid=forgot-link]");
        wait.until(ExpectedConditions.urlToBe(site + "/account/reset"));
        type("#request-form [data-testid=email]", email);
        click("#request-form [data-testid=submit]");
        assertThat(visible("[data-testid=sent]").getText()).contains(email);

        String link = mailedLink(email, "account.reset");
        assertThat(link).startsWith(site + "/account/reset#token=");
        browser.get(link);
        type("[data-testid=new-password]", NEW_PASSWORD);
        assertThat(browser.getCurrentUrl()).as("the token left the address bar").isEqualTo(site + "/account/reset");
        Chromium.screenshot(browser, "account-reset");
        click("#password-form [data-testid=submit]");
        visible("[data-testid=password-changed]");

        browser.get(link);
        type("[data-testid=new-password]", "yet another passphrase");
        click("#password-form [data-testid=submit]");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#request-form [role=alert]"), "not valid"));
        assertThat(text("#page-heading")).isEqualTo("This link no longer works");

        browser.get(site + "/account/signin");
        signIn(email, PASSWORD);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#signin-form [role=alert]"), "do not match"));
        Chromium.screenshot(browser, "account-signin-refused");
        assertThat(browser.manage().getCookieNamed("__Host-session")).isNull();

        signIn(email, NEW_PASSWORD);
        wait.until(ExpectedConditions.urlToBe(site + "/account"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=account-page-email]"), email));
        assertThat(text("[data-testid=account-email]")).isEqualTo(email);
    }

    @Test
    void aGuestOrderPlacedBeforeSignUpIsInTheHistoryAfterVerification() {
        String email = unique("hopper@example.com");
        browser.get(site + "/account/no-such-page");
        visible("[data-testid=not-found]");
        visible("[data-testid=signin-link]");

        browser.get(site + "/");
        click("[data-testid=add-3]");
        browser.get(site + "/cart");
        visible("[data-testid=guest-note]");
        type("[data-testid=email]", email);
        click("[data-testid=checkout]");
        wait.until(ExpectedConditions.urlContains("/c/pay/"));
        String sessionId = sessionIdOfHostedPage();
        shop.pressOnHostedPage("pay");
        wait.until(ExpectedConditions.urlContains("/checkout/success"));
        String orderId = shop.orderOf(sessionId);
        shop.awaitOrderStatus(orderId, "paid");
        assertThat(count("SELECT count(*) FROM orders WHERE reference = ? AND user_id IS NULL", orderId))
                .as("a guest's order")
                .isEqualTo(1);

        signUpAndVerify(email);

        WebElement order = visible("[data-testid='order-" + orderId + "']");
        assertThat(order.findElement(By.cssSelector("[data-testid=order-status]"))
                        .getText())
                .isEqualTo("paid");
        assertThat(browser.findElements(By.cssSelector("#orders > li"))).hasSize(1);
    }

    @Test
    void theHistoryShowsTwentyOrdersAndLoadsTheRestOnDemand() {
        String email = unique("lovelace@example.com");
        signUpAndVerify(email);
        // 21 checkouts through the api from the signed-in page, as the cart would start them: one more than a page.
        Object started = browser.executeAsyncScript("""
                const [email, done] = arguments;
                (async () => {
                  for (let i = 0; i < 21; i++) {
                    const answer = await fetch('/api/checkout', {
                      method: 'POST',
                      headers: {'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID()},
                      body: JSON.stringify({items: [{productId: 1, quantity: 1 + (i % 3)}], email}),
                      credentials: 'same-origin',
                    });
                    if (answer.status !== 200) return `checkout ${i}: ${answer.status} ${await answer.text()}`;
                  }
                  return 21;
                })().then(done, (error) => done(String(error)));
                """, email);
        assertThat(started).isEqualTo(21L);

        browser.get(site + "/account");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#orders > li"), 20));
        click("[data-testid=load-more]");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#orders > li"), 21));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-testid=load-more]")));
        assertThat(browser.findElements(By.cssSelector("#orders [data-testid=order-id]")).stream()
                        .map(WebElement::getText)
                        .distinct())
                .hasSize(21);
        assertThat(browser.switchTo().activeElement().getDomAttribute("data-testid"))
                .as("the keyboard goes on from the first order the click brought")
                .isEqualTo(browser.findElements(By.cssSelector("#orders > li"))
                        .get(20)
                        .getDomAttribute("data-testid"));
        assertThat(text("#orders-status")).contains("21 orders shown, all of them");
    }

    @Test
    void deletingTheAccountTakesItsPasswordAndSignsOut() {
        String email = unique("turing@example.com");
        signUpAndVerify(email);

        type("[data-testid=delete-password]", "not the password");
        click("[data-testid=delete]");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-testid=delete-error]"), "password is wrong"));
        assertThat(count("SELECT count(*) FROM users WHERE email = ?", email)).isEqualTo(1);

        type("[data-testid=delete-password]", PASSWORD);
        click("[data-testid=delete]");
        visible("[data-testid=deleted]");
        visible("[data-testid=signin-link]");
        assertThat(browser.manage().getCookieNamed("__Host-session")).isNull();
        assertThat(count("SELECT count(*) FROM users WHERE email = ?", email))
                .as("the address is gone from the account")
                .isZero();
        browser.get(site + "/account/signin");
        signIn(email, PASSWORD);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#signin-form [role=alert]"), "do not match"));
    }

    @Test
    void theAccountPageChangesThePasswordWithTheCurrentOne() {
        String email = unique("changing@example.com");
        signUpAndVerify(email);

        type("[data-testid=current-password]", "not the password");
        type("[data-testid=changed-password]", NEW_PASSWORD);
        click("[data-testid=change-password]");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-testid=change-error]"), "current password is wrong"));
        type("[data-testid=current-password]", PASSWORD);
        type("[data-testid=changed-password]", NEW_PASSWORD);
        click("[data-testid=change-password]");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-testid=password-changed-status]"), "Your password is changed"));
        assertThat(browser.manage().getCookieNamed("__Host-session"))
                .as("still signed in here")
                .isNotNull();

        browser.manage().deleteCookieNamed("__Host-session");
        browser.get(site + "/account/signin");
        signIn(email, PASSWORD);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#signin-form [role=alert]"), "do not match"));
        browser.get(site + "/account/signin");
        signIn(email, NEW_PASSWORD);
        wait.until(ExpectedConditions.urlToBe(site + "/account"));
    }

    @Test
    void signingInReturnsToThePageItCameFromAndNeverToAnotherSite() throws Exception {
        String email = unique("returning@example.com");
        signUpAndVerify(email);
        for (String next : List.of("/.//evil.example", "/x/..//evil.example", "/./\\evil.example", "/cart")) {
            browser.manage().deleteCookieNamed("__Host-session");
            browser.get(site + "/account/signin?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            signIn(email, PASSWORD);
            wait.until(driver -> !driver.getCurrentUrl().contains("/account/signin"));
            assertThat(new URI(browser.getCurrentUrl()).getHost())
                    .as("after ?next=%s: %s", next, browser.getCurrentUrl())
                    .isEqualTo(new URI(site).getHost());
        }
        assertThat(browser.getCurrentUrl()).isEqualTo(site + "/cart");
    }

    /**
     * The link in the newest mail to {@code recipient} that has one of {@code kind}'s links, read from the stack's
     * mail server over IMAP once the worker's relay has sent it, as the customer would open it.
     */
    private static String mailedLink(String recipient, String kind) {
        Pattern link = Pattern.compile(Pattern.quote(site)
                + (kind.equals("account.verify") ? "/account/verify" : "/account/reset")
                + "#token=[A-Za-z0-9_-]+");
        Mailbox mailbox = new Mailbox(stack.settings().host(), stack.settings().imapPort(), recipient);
        return wait.until(driver -> mailbox.newestLink(link).orElse(null));
    }

    private static long count(String sql, String... parameters) {
        try (Connection connection =
                        DriverManager.getConnection(stack.settings().jdbcUrl(), "postgres", "postgres");
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs up through the page and opens the mailed link: the customer ends signed in on the account page. */
    private void signUpAndVerify(String email) {
        browser.get(site + "/account/signup");
        type("[data-testid=email]", email);
        type("[data-testid=password]", PASSWORD);
        click("[data-testid=submit]");
        visible("[data-testid=sent]");
        browser.get(mailedLink(email, "account.verify"));
        wait.until(ExpectedConditions.urlToBe(site + "/account"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=account-page-email]"), email));
    }

    private void signIn(String email, String password) {
        type("#signin-form [data-testid=email]", email);
        type("#signin-form [data-testid=password]", password);
        click("#signin-form [data-testid=submit]");
    }

    private String sessionIdOfHostedPage() {
        String url = browser.getCurrentUrl();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private void type(String css, String text) {
        WebElement input = visible(css);
        input.clear();
        input.sendKeys(text);
    }

    private void click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    private WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    private String text(String css) {
        return visible(css).getText();
    }

    private static String unique(String email) {
        return UUID.randomUUID().toString().substring(0, 8) + "-" + email;
    }
}
