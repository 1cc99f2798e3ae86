package dev.lamina.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.Diagnostic;

/**
 * One diagnostic a test source expects, declared in a comment on the line it must be reported on:
 *
 * <pre>
 * &#64;Linear(in = 200, out = 10) Layer logits; //! error lamina:shape at "200": logits: &#64;Linear expects 200
 * </pre>
 *
 * <p>{@code error} or {@code warning}; the code ({@code javac} for javac's own errors); optionally {@code at
 * "token"} (or {@code at 'token'} for a token with double quotes), which pins the column to where the token starts on that line (so the test proves the
 * diagnostic points at the attribute); then a fragment the message must contain.
 */
record ExpectedDiagnostic(Diagnostic.Kind kind, String code, long line, long column, String fragment) {

    private static final Pattern MARKER = Pattern.compile(
            "//!\\s*(error|warning)\\s+(\\S+)(?:\\s+at\\s+(?:\"([^\"]+)\"|'([^']+)'))?\\s*:\\s*(.+)$");

    static List<ExpectedDiagnostic> parse(String source) {
        List<ExpectedDiagnostic> expected = new ArrayList<>();
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher marker = MARKER.matcher(lines[i]);
            if (!marker.find()) {
                continue;
            }
            Diagnostic.Kind kind = marker.group(1).equals("error") ? Diagnostic.Kind.ERROR : Diagnostic.Kind.WARNING;
            long column = -1;
            String token = marker.group(3) != null ? marker.group(3) : marker.group(4);
            if (token != null) {
                int at = lines[i].indexOf(token);
                if (at < 0 || at > marker.start()) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": token " + token + " not found");
                }
                column = at + 1;
            }
            expected.add(new ExpectedDiagnostic(kind, marker.group(2), i + 1, column, marker.group(5).trim()));
        }
        return expected;
    }

    boolean matches(Diagnostic<?> actual) {
        String message = actual.getMessage(null);
        boolean kindMatches = actual.getKind() == kind
                || (kind == Diagnostic.Kind.WARNING && actual.getKind() == Diagnostic.Kind.MANDATORY_WARNING);
        boolean codeMatches = code.equals("javac") ? !message.startsWith("[lamina:") : message.startsWith("[" + code + "]");
        return kindMatches
                && codeMatches
                && actual.getLineNumber() == line
                && (column < 0 || actual.getColumnNumber() == column)
                && message.contains(fragment);
    }

    @Override
    public String toString() {
        return kind + " " + code + " on line " + line + (column < 0 ? "" : ", column " + column) + ": " + fragment;
    }
}
