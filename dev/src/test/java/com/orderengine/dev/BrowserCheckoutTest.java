package com.orderengine.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A customer's purchases in a real browser against the running local stack: storefront, cart, the emulator's
 * hosted checkout page, its signed webhooks into the api, the workflow, and the success page.
 */
class BrowserCheckoutTest {

    private static BrowserStack shop;
    private static LocalStack stack;
    private static ChromeDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        shop = BrowserStack.start("browser-stack", 1280, 900, Duration.ofSeconds(20));
        stack = shop.stack();
        browser = shop.browser();
        wait = shop.waitUpTo();
    }

    @AfterAll
    static void stop() {
        if (shop != null) {
            shop.close();
        }
    }

    @BeforeEach
    void emptyCart() {
        browser.get(stack.storefrontUrl() + "/");
        browser.executeScript("window.localStorage.clear()");
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void buyingTwoProductsEndsOnAPaidOrder() throws IOException {
        browser.get(stack.storefrontUrl() + "/");
        click("[data-testid=add-1]");
        click("[data-testid=add-2]");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=cart-count]"), "2"));
        Chromium.screenshot(browser, "storefront");

        String sessionId = checkoutAs("ada@example.com");
        assertThat(browser.getPageSource())
                .contains("Ceramic Mug")
                .contains("Canvas Tote")
                .contains("33.99");
        Chromium.screenshot(browser, "hosted-checkout");

        long paidClickedAt = System.nanoTime();
        press("pay");
        wait.until(ExpectedConditions.urlContains("/checkout/success?session_id=" + sessionId));
        String orderId = orderOf(sessionId);
        shop.awaitOrderStatus(orderId, "paid");
        long payToPaidMillis = (System.nanoTime() - paidClickedAt) / 1_000_000;
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=order-status]"), "paid"));
        assertThat(text("[data-testid=order-id]")).contains(orderId);
        Chromium.screenshot(browser, "success-paid");
        Files.writeString(Chromium.SCREENSHOTS.resolve("pay-to-paid-ms.txt"), payToPaidMillis + "\n");
        System.out.printf(Locale.ROOT, "Pay -> paid in the database: %d ms%n", payToPaidMillis);

        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(stack.storefrontUrl() + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=product-1]")));
        Chromium.screenshot(browser, "storefront-phone");
    }

    @Test
    void cancellingReturnsToTheCartWithTheOrderStillPending() {
        browser.get(stack.storefrontUrl() + "/");
        click("[data-testid=add-3]");
        String sessionId = checkoutAs("grace@example.com");

        press("cancel");

        wait.until(ExpectedConditions.urlMatches(".*/cart$"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=cart-line-3]")));
        Chromium.screenshot(browser, "cart-after-cancel");
        assertThat(TestStacks.orderStatus(stack.settings(), orderOf(sessionId))).isEqualTo("pending");
    }

    @Test
    void payingLaterIsPendingUntilTheDelayedPaymentSettles() {
        browser.get(stack.storefrontUrl() + "/");
        click("[data-testid=add-4]");
        String sessionId = checkoutAs("hopper@example.com");
        String hostedPage = browser.getCurrentUrl();

        press("pay-later");
        wait.until(ExpectedConditions.urlContains("/checkout/success"));
        String orderId = orderOf(sessionId);
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=order-status]"), "pending"));
        Chromium.screenshot(browser, "success-pending");
        assertThat(TestStacks.orderStatus(stack.settings(), orderId)).isEqualTo("pending");

        browser.get(hostedPage);
        press("settle");
        shop.awaitOrderStatus(orderId, "paid");
        browser.get(stack.storefrontUrl() + "/checkout/success?session_id=" + sessionId);
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=order-status]"), "paid"));
    }

    @Test
    void aFailedDelayedPaymentFailsTheOrder() {
        browser.get(stack.storefrontUrl() + "/");
        click("[data-testid=add-5]");
        String sessionId = checkoutAs("lovelace@example.com");
        String hostedPage = browser.getCurrentUrl();
        press("pay-later");
        wait.until(ExpectedConditions.urlContains("/checkout/success"));

        browser.get(hostedPage);
        press("fail");

        String orderId = orderOf(sessionId);
        shop.awaitOrderStatus(orderId, "failed");
        browser.get(stack.storefrontUrl() + "/checkout/success?session_id=" + sessionId);
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=order-status]"), "failed"));
    }

    @Test
    void aDeclinedCardLeavesTheSessionOpenAndItsExpiryExpiresTheOrder() {
        browser.get(stack.storefrontUrl() + "/");
        click("[data-testid=add-6]");
        String sessionId = checkoutAs("turing@example.com");

        press("decline");

        wait.until(ExpectedConditions.textMatches(By.tagName("body"), Pattern.compile("(?i)declined")));
        Chromium.screenshot(browser, "hosted-declined");
        String orderId = orderOf(sessionId);
        assertThat(TestStacks.orderStatus(stack.settings(), orderId)).isEqualTo("pending");

        stack.stripe().expireCheckoutSession(sessionId);

        shop.awaitOrderStatus(orderId, "expired");
        browser.get(stack.storefrontUrl() + "/checkout/success?session_id=" + sessionId);
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid=order-status]"), "expired"));
        Chromium.screenshot(browser, "success-expired");
    }

    /** From the cart to Stripe's hosted page; returns the Checkout Session id from its URL. */
    private String checkoutAs(String email) {
        browser.get(stack.storefrontUrl() + "/cart");
        WebElement emailInput =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=email]")));
        emailInput.clear();
        emailInput.sendKeys(email);
        click("[data-testid=checkout]");
        wait.until(ExpectedConditions.urlContains("/c/pay/"));
        String url = browser.getCurrentUrl();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private String orderOf(String sessionId) {
        return shop.orderOf(sessionId);
    }

    private void press(String action) {
        shop.pressOnHostedPage(action);
    }

    private void click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    private String text(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)))
                .getText();
    }
}
