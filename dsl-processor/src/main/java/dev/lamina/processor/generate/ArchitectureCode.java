package dev.lamina.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;

import dev.lamina.spec.NetworkSpec;
import dev.lamina.spec.StageSpec;
import dev.lamina.spec.layers.LayerSpec;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.stream.Collectors;

/**
 * The expression that builds a network's {@code Architecture}: one {@code .stage(...)} line per field, each
 * layer a constructor call of its spec record with every inferred width written out, so the generated
 * code reads like the network it checked. Written from the records' components, so a new layer kind
 * needs nothing here.
 */
final class ArchitectureCode {

    private ArchitectureCode() {}

    static CodeBlock of(NetworkSpec network) {
        String inputDims = network.input().dims().stream()
                .map(String::valueOf)
                .collect(Collectors.joining(", "));
        CodeBlock.Builder code = CodeBlock.builder()
                .add("$T.builder($S, $L)$>$>", RuntimeTypes.ARCHITECTURE, network.name(), inputDims);
        for (StageSpec stage : network.stages()) {
            CodeBlock layers = stage.layers().stream().map(ArchitectureCode::layer).collect(CodeBlock.joining(", "));
            code.add("\n.stage($S, $L)", stage.name(), layers);
        }
        return code.add("\n.build()$<$<").build();
    }

    /** {@code new LinearSpec(784, 300)}: the record's constructor with its components in order. */
    static CodeBlock layer(LayerSpec layer) {
        CodeBlock arguments = java.util.Arrays.stream(layer.getClass().getRecordComponents())
                .map(component -> CodeBlock.of("$L", literal(value(layer, component))))
                .collect(CodeBlock.joining(", "));
        return CodeBlock.of("new $T($L)", ClassName.get(layer.getClass()), arguments);
    }

    private static Object value(LayerSpec layer, RecordComponent component) {
        try {
            return component.getAccessor().invoke(layer);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + layer.kind() + "." + component.getName(), e);
        }
    }

    /** A value as a Java literal: a flattened image can be wider than an int. */
    private static String literal(Object value) {
        if (value instanceof Long wide && (wide > Integer.MAX_VALUE || wide < Integer.MIN_VALUE)) {
            return wide + "L";
        }
        return String.valueOf(value);
    }
}
