package dev.lamina.processor.generate;

/** Makes text safe inside a Javadoc {@code <pre>} block. */
final class Javadocs {

    private Javadocs() {}

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("@", "&#64;")
                .replace("*/", "*&#47;");
    }
}
