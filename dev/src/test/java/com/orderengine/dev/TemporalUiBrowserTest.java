package com.orderengine.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderengine.infrastructure.tools.ProjectTools;
import com.orderengine.order.OrderReference;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An operator in Temporal's Web UI, as the local stack serves it: finds an order by its id, lists the pending
 * ones, opens an order's workflow and reads its summary, its current details and the {@code state} query; and the
 * Temporal CLI lists paid orders. Its screenshots (in target/screenshots) are the README's, copied to
 * {@code docs/temporal-ui-*.png}.
 */
class TemporalUiBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static BrowserStack shop;
    private static LocalStack stack;
    private static ChromeDriver browser;
    private static WebDriverWait wait;
    private static String pending;
    private static String paid;

    @BeforeAll
    static void start() throws Exception {
        shop = BrowserStack.start("temporal-ui-stack", 1400, 1000, Duration.ofSeconds(30));
        stack = shop.stack();
        browser = shop.browser();
        wait = shop.waitUpTo();
        pending = checkout(3, "pending@example.com");
        paid = checkout(1, "paid@example.com");
        stack.stripe().completeCheckoutSession(sessionOf(paid));
        shop.awaitOrderStatus(paid, "paid");
    }

    @AfterAll
    static void stop() {
        if (shop != null) {
            shop.close();
        }
    }

    @Test
    void anOperatorFindsAnOrderListsThePendingOnesAndReadsItsWorkflow() throws Exception {
        String ui = "http://127.0.0.1:" + stack.settings().temporalUiPort();

        browser.get(ui + "/namespaces/default/workflows?query=" + query("OrderId = \"" + pending + "\""));
        awaitText("order-" + pending);
        Chromium.screenshot(browser, "temporal-ui-order-id");

        browser.get(ui + "/namespaces/default/workflows?query=" + query("OrderStatus = \"pending\""));
        awaitText("order-" + pending);
        assertThat(pageText()).doesNotContain("order-" + paid);
        Chromium.screenshot(browser, "temporal-ui-pending");

        browser.findElement(By.partialLinkText("order-" + pending)).click();
        awaitText("OrderWorkflow");
        Chromium.screenshot(browser, "temporal-ui-workflow");

        // Summary, details and current details are Markdown, which the UI renders in sandboxed frames.
        browser.findElement(By.linkText("User Metadata")).click();
        wait.until(driver -> framesText().contains("Checkout Session " + sessionOf(pending)));
        assertThat(framesText())
                .contains("Order " + pending + " (1 line(s), USD)")
                .contains("product quantity")
                .contains("pending: waiting for payment")
                .contains("Total 9.50 USD, 1 line(s)");
        Chromium.screenshot(browser, "temporal-ui-details");

        browser.findElement(By.linkText("Queries")).click();
        wait.until(driver ->
                "state".equals(driver.findElement(By.id("query-select")).getAttribute("value")));
        browser.findElements(By.tagName("button")).stream()
                .filter(button -> button.getText().contains("Run Query"))
                .findFirst()
                .orElseThrow()
                .click();
        awaitText("\"flaggedForOperator\": false");
        assertThat(pageText())
                .contains("\"orderId\": \"" + pending + "\"")
                .contains("\"status\": \"pending\"")
                .contains("\"checkoutSessionId\": \"" + sessionOf(pending) + "\"");
        Chromium.screenshot(browser, "temporal-ui-query");
    }

    @Test
    void theTemporalCliListsPaidOrdersByTheirSearchAttribute() throws Exception {
        Path cli = ProjectTools.ofWorkingDirectory().require(ProjectTools.TEMPORAL);
        String output = "";
        // Visibility records the workflow's last status change a moment after the database has it.
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!output.contains("order-" + paid) && System.nanoTime() < deadline) {
            output = temporalCli(
                    cli,
                    "workflow",
                    "list",
                    "--address",
                    stack.settings().temporalAddress(),
                    "--query",
                    "OrderStatus=\"paid\"");
            Thread.sleep(200);
        }

        assertThat(output).contains("order-" + paid).contains("Completed").doesNotContain("order-" + pending);
    }

    /** Runs the CLI as an operator would, without the TEMPORAL_* defaults a developer's shell may set. */
    private static String temporalCli(Path cli, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(cli.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("TEMPORAL_"));
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS))
                .as("temporal " + String.join(" ", arguments))
                .isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static String framesText() {
        StringBuilder text = new StringBuilder();
        for (WebElement frame : browser.findElements(By.tagName("iframe"))) {
            browser.switchTo().frame(frame);
            text.append(browser.findElement(By.tagName("body")).getText()).append('\n');
            browser.switchTo().defaultContent();
        }
        return text.toString();
    }

    private static String query(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    private static void awaitText(String text) {
        wait.until(driver -> pageText().contains(text));
    }

    private static String pageText() {
        return browser.findElement(By.tagName("body")).getText();
    }

    private static String checkout(int productId, String email) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(stack.storefrontUrl() + "/api/checkout"))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", keyForAnIdWithDoubleHyphen())
                        .POST(HttpRequest.BodyPublishers.ofString("{\"items\":[{\"productId\":" + productId
                                + ",\"quantity\":1}],\"email\":\"" + email + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        return body.path("orderId").asText();
    }

    /**
     * An Idempotency-Key whose order id holds "--" and "_", which Markdown would turn into a dash and emphasis: the
     * UI must show the id as it is.
     */
    private static String keyForAnIdWithDoubleHyphen() {
        for (int i = 0; ; i++) {
            String key = "temporal-ui-" + UUID.randomUUID() + "-" + i;
            String orderId = OrderReference.fromIdempotencyKey(key);
            if (orderId.contains("--") && orderId.contains("_")) {
                return key;
            }
        }
    }

    private static String sessionOf(String orderId) {
        return stack.stripe().checkoutSessions().stream()
                .filter(session -> orderId.equals(session.clientReferenceId()))
                .findFirst()
                .orElseThrow()
                .id();
    }
}
