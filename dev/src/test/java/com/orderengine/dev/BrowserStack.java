package com.orderengine.dev;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A local stack on free ports and a headless Chromium to drive it: what every browser test starts with. */
record BrowserStack(LocalStack stack, ChromeDriver browser, WebDriverWait waitUpTo) implements AutoCloseable {

    /** The stack's data in a fresh directory under target/ named after {@code name}. */
    static BrowserStack start(String name, int width, int height, Duration patience) throws Exception {
        ChromeDriver browser = Chromium.start(width, height);
        try {
            Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), name);
            LocalStack stack = LocalStack.start(TestStacks.settings(data), TestStacks.CONFIG);
            return new BrowserStack(stack, browser, new WebDriverWait(browser, patience));
        } catch (Exception | Error e) {
            browser.quit();
            throw e;
        }
    }

    /** Waits, as long as the browser waits, until the order's row in the database has {@code status}. */
    void awaitOrderStatus(String orderId, String status) {
        waitUpTo.until(driver -> status.equals(TestStacks.orderStatus(stack.settings(), orderId)));
    }

    /** The order a Checkout Session was made for, as the emulator knows it. */
    String orderOf(String sessionId) {
        return stack.stripe().checkoutSession(sessionId).orElseThrow().clientReferenceId();
    }

    /** Presses the hosted page's button for an action (pay, pay-later, decline, cancel, settle, fail). */
    void pressOnHostedPage(String action) {
        String css = switch (action) {
            case "pay-later", "decline" -> "button[formaction$='/" + action + "']";
            case "pay" -> "form[action$='/pay'] button.primary";
            default -> "form[action$='/" + action + "'] button";
        };
        waitUpTo.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)))
                .click();
    }

    @Override
    public void close() {
        browser.quit();
        stack.close();
    }
}
