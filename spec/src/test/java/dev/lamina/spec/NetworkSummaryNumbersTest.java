package dev.lamina.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The summary's numbers are written without {@code String.format} (it is slow in the processor's cold
 * JVM); they must still read exactly as the formatter would write them.
 */
class NetworkSummaryNumbersTest {

    @Test
    void countsAreGroupedInThousandsAsFormatWouldGroupThem() {
        assertEquals("0", NetworkSummary.count(0));
        assertEquals("999", NetworkSummary.count(999));
        assertEquals("1,000", NetworkSummary.count(1000));
        assertEquals("143,110", NetworkSummary.count(143_110));
        assertEquals("1,234,567", NetworkSummary.count(1_234_567));
        SplittableRandom random = new SplittableRandom(6);
        for (int i = 0; i < 10_000; i++) {
            long value = random.nextLong(1L << (1 + random.nextInt(50)));
            assertEquals(String.format(Locale.ROOT, "%,d", value), NetworkSummary.count(value));
        }
    }

    @Test
    void bytesRoundHalfUpToTwoDecimalsAsFormatWould() {
        assertEquals("1023 B", NetworkSummary.bytes(1023));
        assertEquals("1.00 KB", NetworkSummary.bytes(1024));
        assertEquals("559.02 KB", NetworkSummary.bytes(572_440));
        assertEquals("1.13 MB", NetworkSummary.bytes(1024 * 1024 + 131_072)); // 1.125 MB, half up
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            long bytes = 1024 + random.nextLong(1L << (11 + random.nextInt(30)));
            String expected = bytes >= 1024L * 1024
                    ? String.format(Locale.ROOT, "%.2f MB", bytes / (1024.0 * 1024))
                    : String.format(Locale.ROOT, "%.2f KB", bytes / 1024.0);
            assertEquals(expected, NetworkSummary.bytes(bytes), "bytes " + bytes);
        }
    }
}
