package dev.lamina.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of Lamina this runtime is, as Maven built it; model files record it. */
public final class LaminaVersion {

    private static final String VERSION = read();

    private LaminaVersion() {}

    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = LaminaVersion.class.getResourceAsStream("lamina-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
