package com.orderengine.api.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StorefrontPagesTest {

    private static final List<String> ACCOUNT_PAGES = List.of("signup", "signin", "verify", "reset");

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
        assertThat(page("/account")).isEqualTo(page("/account.html"));
        for (String name : ACCOUNT_PAGES) {
            assertThat(page("/account/" + name)).as(name).isEqualTo(page("/account/" + name + ".html"));
        }
        assertThat(Set.of(
                        page("/"),
                        page("/cart"),
                        page("/checkout/success"),
                        page("/account"),
                        page("/account/signup"),
                        page("/account/signin"),
                        page("/account/verify"),
                        page("/account/reset")))
                .hasSize(8);
    }

    @Test
    void theAccountPagesAreTheirOwn() {
        assertThat(page("/account")).contains("<title>Your account", "/js/account-page.js", "data-testid=\"orders\"");
        assertThat(page("/account/signup"))
                .contains("<title>Create an account", "/js/account-signup.js", "autocomplete=\"new-password\"");
        assertThat(page("/account/signin"))
                .contains(
                        "<title>Sign in",
                        "/js/account-signin.js",
                        "autocomplete=\"current-password\"",
                        "href=\"/account/reset\"",
                        "href=\"/account/signup\"");
        assertThat(page("/account/verify")).contains("<title>Confirm your address", "/js/account-verify.js");
        assertThat(page("/account/reset"))
                .contains("<title>Reset your password", "/js/account-reset.js", "autocomplete=\"new-password\"");
    }

    @Test
    void everyAccountFormLabelsItsInputsAndShowsErrorsAsAnAlert() {
        Pattern input = Pattern.compile("<input id=\"([a-z-]+)\"[^>]*>");
        for (String path : List.of("/account", "/account/signup", "/account/signin", "/account/reset")) {
            String page = page(path);
            Matcher inputs = input.matcher(page);
            int seen = 0;
            while (inputs.find()) {
                seen++;
                assertThat(page).as(path).contains("<label for=\"" + inputs.group(1) + "\">");
                assertThat(inputs.group()).as(path).contains("autocomplete=\"");
            }
            assertThat(seen).as(path).isPositive();
            assertThat(page).as(path).contains("role=\"alert\"");
        }
    }

    @Test
    void everyPageShowsTheAccountLinksFromTheOneSharedScript() {
        for (String path : StorefrontPages.PAGES.keySet()) {
            String page = page(path);
            assertThat(count(page, "<script type=\"module\" src=\"/js/site-header.js\">"))
                    .as(path)
                    .isEqualTo(1);
            assertThat(page)
                    .as(path)
                    .contains(
                            "data-testid=\"signin-link\"", "data-testid=\"account-email\"", "data-testid=\"signout\"");
        }
    }

    @Test
    void theNotFoundPageStillHasTheHeaderAndIsNoPath() {
        String notFound = new String(pages.notFoundPage(), StandardCharsets.UTF_8);
        assertThat(count(notFound, "<header class=\"site-header\">")).isEqualTo(1);
        assertThat(notFound)
                .contains("data-testid=\"not-found\"", "data-testid=\"signin-link\"")
                .doesNotContain(StorefrontPages.HEADER_MARKER);
        assertThat(pages.page("/account/")).isNull();
        assertThat(pages.page("/account/orders")).isNull();
        assertThat(pages.page("/account/verify/")).isNull();
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
                        "",
                        "/index.html",
                        "/cart",
                        "/cart.html",
                        "/checkout/success",
                        "/success.html",
                        "/account",
                        "/account.html",
                        "/account/signup",
                        "/account/signup.html",
                        "/account/signin",
                        "/account/signin.html",
                        "/account/verify",
                        "/account/verify.html",
                        "/account/reset",
                        "/account/reset.html");
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
