package com.orderengine.api.docs;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The API reference at {@code /api/docs}: Swagger UI, from the {@code org.webjars:swagger-ui} jar (served under
 * {@link #UI_PATH}), reading {@code /api/openapi.json}.
 */
public final class ApiReferencePage extends HttpServlet {

    public static final String PATH = "/api/docs";
    public static final String UI_PATH = "/api/docs/ui";

    private final byte[] page;

    public ApiReferencePage() {
        this.page = ("""
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>API reference — Order Engine Shop</title>
                  <link rel="icon" href="/images/favicon.svg" type="image/svg+xml">
                  <link rel="stylesheet" href="%1$s/swagger-ui.css">
                </head>
                <body>
                  <div id="swagger-ui"></div>
                  <script src="%1$s/swagger-ui-bundle.js"></script>
                  <script src="/js/api-docs.js"></script>
                </body>
                </html>
                """).formatted(UI_PATH).getBytes(StandardCharsets.UTF_8);
    }

    /** Where the webjar keeps Swagger UI's files: under its version, which the jar itself names. */
    public static String uiResources() {
        try (InputStream in =
                ApiReferencePage.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the org.webjars:swagger-ui jar is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return "/META-INF/resources/webjars/swagger-ui/" + properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=utf-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }
}
