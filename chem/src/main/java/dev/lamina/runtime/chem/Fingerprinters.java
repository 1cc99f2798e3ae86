package dev.lamina.runtime.chem;

import java.util.HashMap;
import java.util.Map;

/** One {@link CircularFingerprints} per thread and setting: CDK's objects are not thread-safe. */
final class Fingerprinters {

    private static final ThreadLocal<Map<String, CircularFingerprints>> PER_THREAD =
            ThreadLocal.withInitial(HashMap::new);

    private Fingerprinters() {}

    static CircularFingerprints get(EcfpClass ecfpClass, int bits) {
        return PER_THREAD.get().computeIfAbsent(ecfpClass + "/" + bits, key -> new CircularFingerprints(ecfpClass, bits));
    }
}
