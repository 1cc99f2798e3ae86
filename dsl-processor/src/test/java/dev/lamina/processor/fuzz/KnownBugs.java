package dev.lamina.processor.fuzz;

import java.util.List;
import java.util.Set;

/**
 * Processor bugs the fuzzer found that are not fixed yet. A failure that matches one is reported as
 * "known" and does not fail the CI run; everything else does. Each matcher names the property, the
 * symptom and the input that triggers it, so a new bug with a similar symptom still fails.
 *
 * <p>{@link KnownBugReproducersTest} keeps this list honest: it compiles a minimal reproducer of each
 * entry and fails once the bug is gone, so a fixed bug's entry gets removed (and then its reproducer
 * checks the correct behaviour for good). {@code -Dlamina.fuzz.strict=true} ignores the list.
 */
final class KnownBugs {

    /** The ids of the bugs still open; remove an id when its bug is fixed. */
    static final Set<String> OPEN = Set.of();

    private KnownBugs() {}

    /** The id of the open bug this failure is a symptom of, or null. */
    static String match(FuzzCase c, Verdict v, String property, String detail) {
        String id = classify(c, v, property, detail);
        return id != null && OPEN.contains(id) ? id : null;
    }

    private static String classify(FuzzCase c, Verdict v, String property, String detail) {
        boolean missing = property.equals("a required error is missing");
        boolean broken = property.equals("generated code does not compile");
        String source = c.render();

        // @Train(data = int.class) or (data = String[].class): TrainParser takes a primitive or array type for
        // an unresolved value (UnresolvedValueException) and the processor drops the whole network silently:
        // no error of any kind (every other mistake in the class goes unreported too), no generated code.
        if (missing && (source.contains("data = int.class") || source.contains("data = String[].class"))) {
            return "data-not-a-class";
        }
        // A data source the trainer cannot create with Data::new although it passes the checks: an inner
        // (non-static) class, or one whose constructor declares a checked exception. The generated trainer's
        // "Optional.of(X::new)" does not compile.
        boolean uncreatable = source.contains("data = Data.Inner.class") || source.contains("data = Data.Throwing.class");
        if (uncreatable && ((missing && (detail.contains("an inner class: needs an enclosing instance")
                || detail.contains("its constructor throws a checked exception")))
                || (broken && detail.contains("Trainer.java")))) {
            return "data-not-constructible";
        }
        // Members of the user's class the generated final subclass cannot compile next to: an abstract
        // method, a final or static method with a generated method's signature (close(), parameterNames()),
        // one with an incompatible return type (int network()) or throws clause (save(Path) without
        // IOException). No check in the processor: javac fails in the generated source.
        boolean clashingMember = c.renderedMembers().stream().anyMatch(m -> m.breaksGeneration() != null);
        if (clashingMember && ((missing && CaseGenerator.BREAKING_MEMBERS.stream().anyMatch(b -> detail.contains(b.get(1))))
                || (broken && detail.contains("Network.java")
                        && (detail.contains("cannot override") || detail.contains("does not override abstract method"))))) {
            return "member-clash";
        }
        // A no-argument constructor that declares a checked exception: the generated constructors call it
        // and do not compile ("unreported exception").
        boolean throwingConstructor = c.renderedConstructors().stream().anyMatch(FuzzCase.Constructor::checked);
        if (throwingConstructor && ((missing && detail.contains("the constructor the generated class calls throws"))
                || (broken && detail.contains("unreported exception")))) {
            return "constructor-throws";
        }
        // An inferred width beyond Integer.MAX_VALUE (a Flatten of {65536, 65536}, then a BatchNorm or a
        // Linear) is written into the generated ARCHITECTURE as an int literal: "integer number too large".
        if (broken && detail.contains("integer number too large") && v.largestDimension > Integer.MAX_VALUE) {
            return "long-width-literal";
        }
        return null;
    }

    /** Minimal reproducers, by bug id: the source, and the line the error belongs on. */
    record Reproducer(String id, String className, String source, int line) {}

    static final List<Reproducer> REPRODUCERS = List.of(
            new Reproducer("data-not-a-class", "DataNotAClass", """
                    package fuzz;
                    import dev.lamina.dsl.*;
                    @Network(input = 4)
                    @Train(data = int.class)
                    abstract class DataNotAClass {
                        @Linear(out = 2) Layer logits;
                    }
                    """, 4),
            new Reproducer("data-not-constructible", "DataInnerClass", """
                    package fuzz;
                    import dev.lamina.dsl.*;
                    @Network(input = 4)
                    @Train(data = Data.Inner.class)
                    abstract class DataInnerClass {
                        @Linear(out = 2) Layer logits;
                    }
                    """, 4),
            new Reproducer("member-clash", "AbstractMethod", """
                    package fuzz;
                    import dev.lamina.dsl.*;
                    @Network(input = 4)
                    abstract class AbstractMethod {
                        @Linear(out = 2) Layer logits;
                        abstract void hook();
                    }
                    """, 6),
            new Reproducer("constructor-throws", "ThrowingConstructor", """
                    package fuzz;
                    import dev.lamina.dsl.*;
                    @Network(input = 4)
                    abstract class ThrowingConstructor {
                        @Linear(out = 2) Layer logits;
                        ThrowingConstructor() throws java.io.IOException {}
                    }
                    """, 6),
            new Reproducer("long-width-literal", "WideFlatten", """
                    package fuzz;
                    import dev.lamina.dsl.*;
                    @Network(input = {65536, 65536})
                    abstract class WideFlatten {
                        @Flatten @BatchNorm Layer flat;
                    }
                    """, -1));
}
