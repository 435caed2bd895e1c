package com.orderengine.stripeemulator.http;

/** Escaping and the document frame shared by the emulator's pages. Pages need no JavaScript. */
public final class Html {

    private static final String BASE_CSS = """
            *{box-sizing:border-box}
            body{margin:0;min-height:100vh;background:#f6f9fc;color:#1a1f36;padding:16px;
              font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
            a{color:#635bff}
            .badge{display:inline-block;background:#ffde92;color:#a04e00;font-size:12px;font-weight:600;
              letter-spacing:.04em;padding:2px 8px;border-radius:4px;text-transform:uppercase}
            .muted{color:#697386;font-size:14px}
            .mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px;word-break:break-all}
            .notice{padding:12px 14px;border-radius:6px;margin:16px 0}
            .notice.error{background:#fde8ec;color:#a41c3a}
            .notice.info{background:#eef3ff;color:#2a3a8c}
            .notice.ok{background:#e6f6ec;color:#0e6245}
            button{font:inherit;cursor:pointer}
            """;

    private Html() {}

    /** Escapes text for element content and double-quoted attribute values. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A complete page: {@code title} is plain text, {@code css} and {@code body} are markup. */
    public static String document(String title, String css, String body) {
        return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"robots\" content=\"noindex\">\n"
                + "<title>" + escape(title) + "</title>\n<style>\n" + BASE_CSS + css + "</style>\n</head>\n<body>\n"
                + body + "</body>\n</html>\n";
    }
}
