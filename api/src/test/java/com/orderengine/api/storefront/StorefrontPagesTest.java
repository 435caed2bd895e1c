package com.orderengine.api.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StorefrontPagesTest {

    private final StorefrontPages pages = new StorefrontPages();

    @Test
    void everyPageHasTheSharedHeaderOnce() {
        for (String path : StorefrontPages.PAGES.keySet()) {
            String page = page(path);
            assertThat(count(page, "<header class=\"site-header\">")).as(path).isEqualTo(1);
            assertThat(page).as(path).doesNotContain(StorefrontPages.HEADER_MARKER);
            assertThat(page).as(path).contains("data-testid=\"cart-count\"", "Order Engine Shop");
        }
    }

    @Test
    void onlyTheCartPageMarksTheCartLinkAsCurrent() {
        for (String path : StorefrontPages.PAGES.keySet()) {
            boolean cart = path.startsWith("/cart");
            assertThat(page(path).contains("href=\"/cart\" aria-current=\"page\""))
                    .as(path)
                    .isEqualTo(cart);
        }
    }

    @Test
    void thePathsOfAPageAnswerTheSamePage() {
        assertThat(page("/")).isEqualTo(page("/index.html"));
        assertThat(page("/cart")).isEqualTo(page("/cart.html"));
        assertThat(page("/checkout/success")).isEqualTo(page("/success.html"));
        assertThat(Set.of(page("/"), page("/cart"), page("/checkout/success"))).hasSize(3);
    }

    @Test
    void theHeaderIsWrittenOnlyInItsOwnFile() throws IOException {
        for (String file : Set.copyOf(StorefrontPages.PAGES.values())) {
            try (InputStream in = StorefrontPages.class.getResourceAsStream("/assets/" + file)) {
                String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(template).as(file).doesNotContain("<header").contains(StorefrontPages.HEADER_MARKER);
            }
        }
    }

    @Test
    void theFilterIsMappedOnThePagesAloneWithTheRootAsTheEmptyPattern() {
        assertThat(StorefrontPages.urlPatterns())
                .containsExactlyInAnyOrder(
                        "", "/index.html", "/cart", "/cart.html", "/checkout/success", "/success.html");
    }

    @Test
    void otherPathsAreNotPages() {
        assertThat(pages.page("/api/products")).isNull();
        assertThat(pages.page("/css/shop.css")).isNull();
        assertThat(pages.page("/cart/")).isNull();
    }

    private String page(String path) {
        return new String(pages.page(path), StandardCharsets.UTF_8);
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
