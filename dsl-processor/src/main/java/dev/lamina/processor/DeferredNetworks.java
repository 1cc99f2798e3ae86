package dev.lamina.processor;

import dev.lamina.processor.parse.UnresolvedValueException;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Networks whose annotations still hold a value javac has not resolved, waiting for a later round. Another
 * annotation processor may generate the class a network names ({@code @Train(data = GeneratedData.class)})
 * in any round; until then javac hands Lamina an error type. Like auto-common's BasicAnnotationProcessor,
 * Lamina keeps such a network by name (elements of one round are not to be reused in the next), processes
 * it again in each round, and only after the last round decides that the value will never resolve.
 */
final class DeferredNetworks {

    private final Map<String, UnresolvedValueException> waiting = new LinkedHashMap<>();

    /** Keeps the network for the next round, with the value that stopped it in this one. */
    void defer(String qualifiedName, UnresolvedValueException reason) {
        waiting.put(qualifiedName, reason);
    }

    /** The network was processed; it no longer waits. */
    void done(String qualifiedName) {
        waiting.remove(qualifiedName);
    }

    /** The networks to try again, in the order they were first deferred. */
    Set<String> names() {
        return new LinkedHashSet<>(waiting.keySet());
    }

    /**
     * The networks still waiting when processing is over that need an error of Lamina's: those whose value
     * the compiler does not report itself. An unresolved name in the source is javac's "cannot find
     * symbol" on that very attribute, and a second error there would only repeat it; what is left is the
     * case where nothing else would explain why a network has no generated code.
     */
    Map<String, UnresolvedValueException> unreported() {
        Map<String, UnresolvedValueException> unreported = new LinkedHashMap<>();
        waiting.forEach((name, reason) -> {
            if (!reason.compilerReportsIt()) {
                unreported.put(name, reason);
            }
        });
        return unreported;
    }
}
