package io.jenkins.plugins.dcom.report;

import io.jenkins.plugins.dcom.text.UntrustedText;

/**
 * Escapes text for HTML element content and attribute values; control and format characters a host may have sent
 * are shown as {@code \}{@code uXXXX} ({@link UntrustedText#line(String)}) rather than written raw.
 */
final class Html {
    private Html() {
    }

    static String escape(Object value) {
        String text = UntrustedText.line(String.valueOf(value));
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&':
                    out.append("&amp;");
                    break;
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '"':
                    out.append("&quot;");
                    break;
                case '\'':
                    out.append("&#39;");
                    break;
                default:
                    out.append(c);
            }
        }
        return out.toString();
    }
}
