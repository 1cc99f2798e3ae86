package dev.lamina.runtime.export;

import dev.lamina.spec.NetworkSpec;
import dev.lamina.spec.Shape;
import dev.lamina.spec.graph.GraphInput;
import dev.lamina.spec.graph.GraphNode;
import dev.lamina.spec.graph.GraphShapes;
import dev.lamina.spec.graph.GraphSpec;
import dev.lamina.spec.graph.Merge;
import dev.lamina.spec.layers.LayerSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes {@code model.py} for a graph network: one submodule per node, each a stage class exactly as a straight
 * network's ({@link PythonStages}), and a {@code forward} taking the inputs by name that spells the wiring out:
 *
 * <pre>{@code
 * def forward(self, fingerprint, descriptors):
 *     fp = self.fp(fingerprint)
 *     desc = self.desc(descriptors)
 *     joint = self.joint(torch.cat([fp, desc], dim=1))
 *     out = self.out(joint)
 *     return out
 * }</pre>
 *
 * A residual node is {@code block1 = stem + self.block1(stem)}; an {@code ADD} merge is {@code a + b} in the
 * order listed. With one output {@code forward} returns that tensor; with several, a dict from output name to
 * tensor in the graph's output order (as {@code GraphNetwork.forwardEval} returns a map).
 *
 * <p>The node submodules are registered under the nodes' names, so the {@code state_dict} keys are
 * GraphNetwork's parameter names ({@code block1.weight}, {@code block1.bn.running_mean}) and the file {@code
 * GraphNetwork.save} writes loads with {@code strict=True}. An input or node name that is not a Python variable
 * name as it is ({@code lambda}, {@code self}, {@code torch}, non-ASCII) gets another local name, and such an
 * input another argument name: the arguments are always in the graph's input order. The output is deterministic.
 */
final class PythonGraphSource {

    /** Module-level names of model.py that a generated class must not shadow. */
    private static final Set<String> MODULE_NAMES = Set.of(
            "BatchNorm1d", "BatchNorm2d", "F", "NETWORK", "INPUTS", "OUTPUTS", "WEIGHTS");

    /** Names forward's body reads besides its locals. */
    private static final Set<String> RESERVED_LOCALS = Set.of("self", "torch", "nn", "F");

    private final GraphSpec graph;
    private final GraphShapes shapes;
    private final List<NetworkSpec.ShapedStage> stages = new ArrayList<>();
    private final String networkClass;
    private final Map<String, String> nodeClasses = new HashMap<>();
    private final Map<String, String> variables = new HashMap<>();
    private final StringBuilder out = new StringBuilder();
    private final PythonStages writer = new PythonStages(out);

    private PythonGraphSource(GraphSpec graph) {
        this.graph = graph;
        this.shapes = GraphShapes.infer(graph).requireValid(graph.name());
        Set<String> used = new HashSet<>(MODULE_NAMES);
        used.addAll(PythonNames.BUILTIN_CLASSES);
        this.networkClass = PythonStages.unique(PythonNames.className(graph.name()), "Network", used);
        for (GraphNode node : graph.nodes()) {
            nodeClasses.put(node.name(), PythonStages.unique(PythonNames.className(node.name()), "Stage", used));
        }
        List<String> names = new ArrayList<>();
        graph.inputs().forEach(input -> names.add(input.name()));
        graph.nodes().forEach(node -> names.add(node.name()));
        Set<String> locals = new HashSet<>(RESERVED_LOCALS);
        names.stream().filter(PythonGraphSource::plainLocal).forEach(locals::add);
        for (String name : names) {
            variables.put(name, plainLocal(name) ? name : PythonStages.unique(asciiName(name) + "_", "_", locals));
        }
        Map<String, Shape> known = new LinkedHashMap<>();
        graph.inputs().forEach(input -> known.put(input.name(), input.shape()));
        known.putAll(shapes.shapes());
        for (int i = 0; i < graph.nodes().size(); i++) {
            GraphNode node = graph.nodes().get(i);
            Shape current = mergedShape(node.merge(), graph.sources(i).stream().map(known::get).toList());
            List<NetworkSpec.ShapedLayer> layers = new ArrayList<>();
            for (LayerSpec layer : node.layers()) {
                Shape next = layer.outputShape(current);
                layers.add(new NetworkSpec.ShapedLayer(layer, current, next));
                current = next;
            }
            stages.add(new NetworkSpec.ShapedStage(node.stage(), layers));
        }
    }

    static String render(GraphSpec graph) {
        return new PythonGraphSource(graph).render();
    }

    /** The generated class name of the network. */
    static String networkClass(GraphSpec graph) {
        return new PythonGraphSource(graph).networkClass;
    }

    private static boolean plainLocal(String name) {
        return PythonNames.isVariable(name) && !RESERVED_LOCALS.contains(name);
    }

    private static String asciiName(String name) {
        StringBuilder text = new StringBuilder();
        for (char c : name.toCharArray()) {
            text.append(c < 128 && (Character.isLetterOrDigit(c) || c == '_') ? c : '_');
        }
        return Character.isLetter(text.charAt(0)) ? text.toString() : "v" + text;
    }

    /** The sample shape a node's layers see: the first source's, or for CONCAT the features joined. */
    private static Shape mergedShape(Merge merge, List<Shape> sources) {
        if (merge != Merge.CONCAT) {
            return sources.get(0);
        }
        return Shape.of(sources.stream().mapToLong(Shape::features).reduce(0, Math::addExact));
    }

    private String render() {
        header();
        networkClass();
        for (NetworkSpec.ShapedStage stage : stages) {
            writer.stageClass(nodeClasses.get(stage.name()), stage);
        }
        writer.supportCode(PythonStages.usesBatchNorm2d(stages));
        main();
        return out.toString();
    }

    private void line(String text) {
        writer.line(text);
    }

    private String arguments() {
        return graph.inputs().stream().map(input -> variables.get(input.name())).collect(Collectors.joining(", "));
    }

    /** What a node reads, in words, for the header: {@code concat(fp, desc)}. */
    private String reads(int index) {
        GraphNode node = graph.nodes().get(index);
        String sources = String.join(", ", graph.sources(index));
        String merged = switch (node.merge()) {
            case NONE -> sources;
            case ADD -> "add(" + sources + ")";
            case CONCAT -> "concat(" + sources + ")";
        };
        return node.residual() ? merged + " + residual" : merged;
    }

    private void header() {
        String name = PythonNames.text(graph.name());
        line("# Generated by Lamina from the graph network \"" + name + "\". Export the network again rather than");
        line("# editing this file.");
        line("#");
        for (GraphInput input : graph.inputs()) {
            line("#   input " + PythonNames.text(input.name()) + ": " + input.shape().withBatch());
        }
        for (int i = 0; i < graph.nodes().size(); i++) {
            GraphNode node = graph.nodes().get(i);
            NetworkSpec.ShapedStage stage = stages.get(i);
            List<String> described = new ArrayList<>();
            node.layers().forEach(layer -> described.add(layer.describe()));
            line("#   " + PythonNames.text(node.name()) + " <- " + PythonNames.text(reads(i)) + ": "
                    + String.join(", ", described) + " -> " + stage.output().withBatch());
        }
        line("#   outputs: " + PythonNames.text(String.join(", ", graph.outputs())));
        line("#");
        line("# Use (PyTorch 1.10 or newer; the safetensors package is optional):");
        line("#");
        line("#     from model import " + networkClass);
        line("#     model = " + networkClass + ".load(\"model.safetensors\")  # in eval mode; no argument: the file beside model.py");
        line("#     outputs = model(" + arguments() + ")  # float32 tensors of the INPUTS shapes, batch first");
        line("#");
        line("# or with the state_dict API; the file's names are the module's, so strict loading works:");
        line("#");
        line("#     model = " + networkClass + "()");
        line("#     model.load_state_dict(load_safetensors(\"model.safetensors\"))  # or safetensors.torch.load_file");
        line("#     model.eval()");
        line("#");
        line("# The names are Lamina's parameter names, <node>.weight, <node>.bias, <node>.bn.running_mean, ...: each");
        line("# node is a submodule registered under its name. forward takes the inputs in the order above and");
        if (graph.outputs().size() == 1) {
            line("# returns the output " + PythonNames.text(graph.outputs().get(0)) + " (logits unless its last layer is an activation).");
        } else {
            line("# returns a dict from output name to tensor, in the order above (logits unless a node ends with an");
            line("# activation).");
        }
        line("\"\"\"PyTorch module of the Lamina graph network " + name + ", generated by Lamina.\"\"\"");
        line("");
        line("import array");
        line("import json");
        line("import os");
        line("import struct");
        line("import sys");
        line("");
        line("import torch");
        line("import torch.nn as nn");
        line("import torch.nn.functional as F");
        line("");
        line("NETWORK = " + PythonNames.string(graph.name()));
        line("INPUTS = {" + graph.inputs().stream()
                .map(input -> PythonNames.string(input.name()) + ": " + PythonStages.tuple(input.shape()))
                .collect(Collectors.joining(", ")) + "}");
        line("OUTPUTS = {" + graph.outputs().stream()
                .map(output -> PythonNames.string(output) + ": " + PythonStages.tuple(shapes.shape(output)))
                .collect(Collectors.joining(", ")) + "}");
        line("WEIGHTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), \"model.safetensors\")");
        line("");
        line("");
    }

    private void networkClass() {
        String name = PythonNames.text(graph.name());
        line("class " + networkClass + "(nn.Module):");
        line("    \"\"\"The Lamina graph network " + name + ": inputs " + PythonNames.text(graph.inputs().stream()
                .map(input -> input.name() + " " + input.shape().withBatch()).collect(Collectors.joining(", ")))
                + "; outputs " + PythonNames.text(graph.outputs().stream()
                .map(output -> output + " " + shapes.shape(output).withBatch()).collect(Collectors.joining(", ")))
                + ".\"\"\"");
        line("");
        line("    def __init__(self):");
        line("        super().__init__()");
        for (GraphNode node : graph.nodes()) {
            writer.register(node.name(), nodeClasses.get(node.name()) + "()");
        }
        line("");
        line("    def forward(self, " + arguments() + "):");
        for (int i = 0; i < graph.nodes().size(); i++) {
            GraphNode node = graph.nodes().get(i);
            String target = variables.get(node.name());
            List<String> sources = graph.sources(i).stream().map(variables::get).toList();
            String merged = switch (node.merge()) {
                case NONE -> sources.get(0);
                case ADD -> String.join(" + ", sources);
                case CONCAT -> "torch.cat([" + String.join(", ", sources) + "], dim=1)";
            };
            String module = PythonStages.module(node.name());
            if (!node.residual()) {
                line("        " + target + " = " + module + "(" + merged + ")");
            } else if (node.merge() == Merge.NONE) {
                line("        " + target + " = " + merged + " + " + module + "(" + merged + ")");
            } else {
                line("        " + target + " = " + merged);
                line("        " + target + " = " + target + " + " + module + "(" + target + ")");
            }
        }
        if (graph.outputs().size() == 1) {
            line("        return " + variables.get(graph.outputs().get(0)));
        } else {
            line("        return {" + graph.outputs().stream()
                    .map(output -> PythonNames.string(output) + ": " + variables.get(output))
                    .collect(Collectors.joining(", ")) + "}");
        }
        line("");
        PythonStages.loadMethod(networkClass).forEach(this::line);
        line("");
        line("");
    }

    private void main() {
        line("if __name__ == \"__main__\":");
        line("    # python model.py: loads model.safetensors from beside this file and runs two zero samples.");
        line("    model = " + networkClass + ".load()");
        line("    print(model)");
        line("    with torch.no_grad():");
        line("        outputs = model(*[torch.zeros(2, *shape) for shape in INPUTS.values()])");
        if (graph.outputs().size() == 1) {
            line("    print(\"outputs of shape\", tuple(outputs.shape))");
        } else {
            line("    for name, output in outputs.items():");
            line("        print(name, \"of shape\", tuple(output.shape))");
        }
    }
}
