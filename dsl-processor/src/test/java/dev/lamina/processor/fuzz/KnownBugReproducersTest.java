package dev.lamina.processor.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;

import dev.lamina.processor.LaminaProcessor;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The minimal reproducer of each bug the fuzzer found that is not fixed yet ({@link KnownBugs}). While a
 * bug's id is in {@link KnownBugs#OPEN}, its reproducer must still show the bug (the fuzz test tolerates
 * it); once the bug is fixed this test says so, and after its id is removed the reproducer checks the
 * correct behaviour: an error with a Lamina code on the member at fault (or on the class), or, where the
 * network is valid, generated code that compiles.
 */
class KnownBugReproducersTest {

    static Stream<String> reproducers() {
        return KnownBugs.REPRODUCERS.stream().map(KnownBugs.Reproducer::id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reproducers")
    void reproducerShowsTheBugWhileItIsOpenAndTheFixAfterwards(String id) {
        KnownBugs.Reproducer reproducer = KnownBugs.REPRODUCERS.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow();
        Compilation compilation = Compiler.javac().withProcessors(new LaminaProcessor())
                .compile(JavaFileObjects.forResource("fuzz/Data.java"),
                        JavaFileObjects.forSourceString("fuzz." + reproducer.className(), reproducer.source()));
        String own = reproducer.className() + ".java";
        List<Diagnostic<? extends JavaFileObject>> errors = compilation.errors();
        boolean generatedCodeBroken = errors.stream()
                .anyMatch(d -> d.getSource() == null || !d.getSource().getName().endsWith("/" + own));
        boolean internal = errors.stream().anyMatch(d -> d.getMessage(Locale.ROOT).contains("[lamina:internal]"));
        int declaration = declarationLine(reproducer.source());
        boolean laminaErrorOnMember = errors.stream().anyMatch(d -> d.getSource() != null
                && d.getSource().getName().endsWith("/" + own) && d.getMessage(Locale.ROOT).startsWith("[lamina:")
                && (d.getLineNumber() == reproducer.line() || d.getLineNumber() == declaration));
        boolean correct = !generatedCodeBroken && !internal && (reproducer.line() < 0
                ? compilation.status() == Compilation.Status.SUCCESS || laminaErrorOnMember
                : laminaErrorOnMember);
        String diagnostics = errors.stream()
                .map(d -> (d.getSource() == null ? "?" : d.getSource().getName()) + ":" + d.getLineNumber() + ": "
                        + FuzzCampaign.firstLines(d.getMessage(Locale.ROOT), 1))
                .toList().toString();
        if (KnownBugs.OPEN.contains(id)) {
            assertFalse(correct, "bug " + id + " looks fixed: remove it from KnownBugs.OPEN. Errors: " + diagnostics);
        } else {
            assertTrue(correct, id + ": expected an error with a Lamina code on line " + reproducer.line()
                    + " (or the class), or valid generated code; got " + diagnostics + "\n" + reproducer.source());
        }
    }

    private static int declarationLine(String source) {
        String[] lines = source.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(" class ")) {
                return i + 1;
            }
        }
        return -1;
    }
}
