package dev.lamina.runtime;

import dev.lamina.dsl.Layer;

import java.util.List;

/** The handle a generated network puts into each {@link Layer} field of the user's class. */
final class NetworkStage implements Layer {

    private final String name;
    private final List<String> parameterNames;

    NetworkStage(String name, List<String> parameterNames) {
        this.name = name;
        this.parameterNames = List.copyOf(parameterNames);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> parameterNames() {
        return parameterNames;
    }

    @Override
    public String toString() {
        return "Layer " + name + " " + parameterNames;
    }
}
