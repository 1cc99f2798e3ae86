package dev.lamina.processor.generate;

import com.palantir.javapoet.ClassName;

/**
 * The runtime and DJL types generated code refers to, named by string: the processor must not depend on
 * the runtime (docs/DESIGN.md, section 1), only the code it generates does.
 */
final class RuntimeTypes {

    static final ClassName ARCHITECTURE = ClassName.get("dev.lamina.runtime", "Architecture");
    static final ClassName COMPILED_NETWORK = ClassName.get("dev.lamina.runtime", "CompiledNetwork");
    static final ClassName LAMINA_NETWORK = ClassName.get("dev.lamina.runtime", "LaminaNetwork");
    static final ClassName GRAPH_NETWORK = ClassName.get("dev.lamina.runtime.graph", "GraphNetwork");
    static final ClassName DEVICE = ClassName.get("ai.djl", "Device");
    static final ClassName ND_ARRAY = ClassName.get("ai.djl.ndarray", "NDArray");
    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

    private RuntimeTypes() {}
}
