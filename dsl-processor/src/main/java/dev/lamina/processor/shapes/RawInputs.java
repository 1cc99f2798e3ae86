package dev.lamina.processor.shapes;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * The raw input type a data class declares, {@code R} of {@code DataSource<R>}: what a model trained on its
 * data predicts from. Found among all supertypes, so a data class may extend another that implements it.
 */
public final class RawInputs {

    /** By name: the processor never depends on the runtime. */
    public static final String DATA_SOURCE = "dev.lamina.runtime.data.DataSource";

    private RawInputs() {}

    /**
     * {@code R} when the data class implements {@code DataSource<R>} with a concrete class or array type; empty
     * when it implements the raw {@code DataSource}, or with a wildcard or a type variable.
     */
    public static Optional<TypeMirror> of(TypeElement data, Types types) {
        Deque<TypeMirror> pending = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        pending.add(data.asType());
        while (!pending.isEmpty()) {
            TypeMirror type = pending.removeFirst();
            if (!seen.add(type.toString())) {
                continue;
            }
            if (type instanceof DeclaredType declared
                    && ((TypeElement) declared.asElement()).getQualifiedName().contentEquals(DATA_SOURCE)) {
                if (declared.getTypeArguments().size() != 1) {
                    return Optional.empty();
                }
                TypeMirror raw = declared.getTypeArguments().get(0);
                boolean concrete = raw.getKind() == TypeKind.DECLARED || raw.getKind() == TypeKind.ARRAY;
                return concrete ? Optional.of(raw) : Optional.empty();
            }
            pending.addAll(types.directSupertypes(type));
        }
        return Optional.empty();
    }
}
