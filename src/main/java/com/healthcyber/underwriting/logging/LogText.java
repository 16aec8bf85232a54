package com.healthcyber.underwriting.logging;

/**
 * Text from a request, made safe for a plain-text log line. A newline would let a caller forge
 * a line of its own, a terminal escape or a bidirectional override would hide or reorder what an
 * operator reads; each such character is written as a Java escape instead ({@code \n},
 * {@code \u001b}), and a backslash as two, so the line still shows exactly what was sent.
 * (JSON logging escapes by itself; its MDC fields keep the value as sent.)
 */
public final class LogText {

    private LogText() {}

    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        int first = firstUnsafe(text);
        if (first < 0) {
            return text; // the usual case, on the decision path: no copy
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                escaped.append("\\\\");
            } else if (c == '\n') {
                escaped.append("\\n");
            } else if (c == '\r') {
                escaped.append("\\r");
            } else if (c == '\t') {
                escaped.append("\\t");
            } else if (unsafe(c)) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || unsafe(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * C0 and C1 controls (newlines, ESC, NEL), DEL, the Unicode line and paragraph separators,
     * and format characters (bidirectional overrides, zero-width characters), which change how a
     * line reads without being seen.
     */
    private static boolean unsafe(char c) {
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
            return true;
        }
        if (c < 0xa0) {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR || type == Character.FORMAT;
    }
}
