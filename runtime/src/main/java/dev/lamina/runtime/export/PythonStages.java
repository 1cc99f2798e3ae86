package dev.lamina.runtime.export;

import dev.lamina.spec.NetworkSpec;
import dev.lamina.spec.Shape;
import dev.lamina.spec.layers.BatchNormSpec;
import dev.lamina.spec.layers.Conv2dSpec;
import dev.lamina.spec.layers.LayerSpec;
import dev.lamina.spec.layers.LinearSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts of a generated {@code model.py} that a straight network ({@link PythonModelSource}) and a graph
 * ({@link PythonGraphSource}) share: one module class per stage or node, built from each layer's {@code
 * pytorch} text, the submodule registration of a stage, and the static support code (BatchNorm without {@code
 * num_batches_tracked}, the safetensors reader).
 */
final class PythonStages {

    private final StringBuilder out;

    PythonStages(StringBuilder out) {
        this.out = out;
    }

    void line(String text) {
        out.append(text.stripTrailing()).append('\n');
    }

    /** {@code name}, or {@code name + suffix} (then numbered) when {@code used} has it; adds the result to used. */
    static String unique(String name, String suffix, Set<String> used) {
        String candidate = used.contains(name) ? name + suffix : name;
        for (int i = 2; used.contains(candidate); i++) {
            candidate = name + suffix + i;
        }
        used.add(candidate);
        return candidate;
    }

    /** How the network's {@code forward} reaches the submodule registered as {@code name}. */
    /** The module's {@code load} class method: a strict {@code load_state_dict} of model.safetensors, in eval mode. */
    static List<String> loadMethod(String networkClass) {
        return List.of(
                "    @classmethod",
                "    def load(cls, path=WEIGHTS):",
                "        \"\"\"A new " + networkClass + " in eval mode with the parameters and running statistics of a",
                "        safetensors file written by Lamina (by default model.safetensors beside this file).",
                "",
                "        Loading is strict: a missing, extra or differently shaped tensor is an error.",
                "        \"\"\"",
                "        model = cls()",
                "        model.load_state_dict(load_safetensors(path))",
                "        return model.eval()");
    }

    static String module(String name) {
        return PythonNames.isPlainAttribute(name) ? "self." + name : "self._modules[" + PythonNames.string(name) + "]";
    }

    /** Registers {@code create} as the submodule {@code name} in {@code __init__}, so its state_dict prefix is name. */
    void register(String name, String create) {
        if (PythonNames.isPlainAttribute(name)) {
            line("        self." + name + " = " + create);
        } else {
            line("        # Not reachable as self." + PythonNames.text(name)
                    + " (a Python keyword, an nn.Module attribute or not ASCII): registered by name.");
            line("        self._modules[" + PythonNames.string(name) + "] = " + create);
        }
    }

    /** Whether any stage has a BatchNorm over the channels of (C, H, W) samples. */
    static boolean usesBatchNorm2d(Collection<NetworkSpec.ShapedStage> stages) {
        return stages.stream()
                .flatMap(stage -> stage.layers().stream())
                .anyMatch(shaped -> shaped.layer() instanceof BatchNormSpec && shaped.input().isImage());
    }

    /** The module class {@code className} of one stage: its layers in order, parameters named as Lamina's. */
    void stageClass(String className, NetworkSpec.ShapedStage stage) {
        String stageName = PythonNames.text(stage.name());
        List<String> described = new ArrayList<>();
        stage.layers().forEach(shaped -> described.add(shaped.layer().describe()));
        line("class " + className + "(nn.Module):");
        line("    \"\"\"Stage " + stageName + ": " + String.join(", ", described) + "; output "
                + stage.output().withBatch() + ".\"\"\"");
        line("");
        line("    def __init__(self):");
        line("        super().__init__()");
        Map<String, Integer> seen = new HashMap<>();
        List<String> calls = new ArrayList<>();
        String weightOwner = null;
        for (NetworkSpec.ShapedLayer shaped : stage.layers()) {
            LayerSpec layer = shaped.layer();
            if (layer instanceof LinearSpec linear) {
                weightOwner = "linear: in_features=" + linear.in() + ", out_features=" + linear.out();
                line("        # The Linear's weight and bias belong to the stage itself, as in Lamina: "
                        + stageName + ".weight, " + stageName + ".bias.");
                line("        linear = " + linear.pytorch(shaped.input()));
                line("        self.weight = linear.weight");
                line("        self.bias = linear.bias");
                calls.add("F.linear(x, self.weight, self.bias)");
            } else if (layer instanceof Conv2dSpec conv) {
                String options = "stride=" + conv.stride() + ", padding=" + conv.padding()
                        + ", dilation=" + conv.dilation();
                weightOwner = "conv: in_channels=" + conv.in() + ", out_channels=" + conv.out()
                        + ", kernel_size=" + conv.kernel() + ", " + options;
                line("        # The Conv2d's weight and bias belong to the stage itself, as in Lamina: "
                        + stageName + ".weight, " + stageName + ".bias.");
                line("        conv = " + conv.pytorch(shaped.input()));
                line("        self.weight = conv.weight");
                line("        self.bias = conv.bias");
                calls.add("F.conv2d(x, self.weight, self.bias, " + options + ")");
            } else if (layer instanceof BatchNormSpec batchNorm) {
                // The subclass of the same name defined below, without nn's num_batches_tracked.
                line("        self.bn = " + batchNorm.pytorch(shaped.input()).substring("nn.".length()));
                calls.add("self.bn(x)");
            } else {
                // Parameterless: the layer's own PyTorch module, as a submodule named after its kind.
                String attribute = attribute(layer, seen);
                line("        self." + attribute + " = " + layer.pytorch(shaped.input()));
                calls.add("self." + attribute + "(x)");
            }
        }
        line("");
        line("    def forward(self, x):");
        for (String call : calls) {
            line("        x = " + call);
        }
        line("        return x");
        if (weightOwner != null) {
            line("");
            line("    def extra_repr(self):");
            line("        return \"" + weightOwner + "\"");
        }
        line("");
        line("");
    }

    /**
     * The submodule name of a parameterless layer: its kind in snake case without a trailing {@code 2d}
     * ({@code relu}, {@code leaky_relu}, {@code max_pool}), numbered from the second of a kind on.
     */
    static String attribute(LayerSpec layer, Map<String, Integer> seen) {
        String kind = layer.kind();
        StringBuilder snake = new StringBuilder();
        for (int i = 0; i < kind.length(); i++) {
            char c = kind.charAt(i);
            boolean wordStart = i > 0 && Character.isUpperCase(c) && Character.isLowerCase(kind.charAt(i - 1))
                    && i + 1 < kind.length() && Character.isLowerCase(kind.charAt(i + 1));
            snake.append(wordStart ? "_" : "").append(Character.toLowerCase(c));
        }
        String base = snake.toString().replaceFirst("\\dd$", "");
        int count = seen.merge(base, 1, Integer::sum);
        return count == 1 ? base : base + count;
    }

    /** The static support code: BatchNorm1d (and BatchNorm2d when used) and the safetensors reader. */
    void supportCode(boolean batchNorm2d) {
        String batchNorm = resource("batch_norm.py");
        support(batchNorm.replace("{{BATCH_NORM}}", "BatchNorm1d"));
        if (batchNorm2d) {
            support(batchNorm.replace("{{BATCH_NORM}}", "BatchNorm2d"));
        }
        support(resource("safetensors_reader.py"));
    }

    /** A static part of model.py, followed by the blank lines that separate top-level definitions. */
    private void support(String python) {
        for (String text : python.split("\n", -1)) {
            line(text);
        }
        line("");
    }

    static String tuple(Shape shape) {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < shape.rank(); i++) {
            text.append(i == 0 ? "" : ", ").append(shape.dim(i));
        }
        return text.append(shape.rank() == 1 ? ",)" : ")").toString();
    }

    private static String resource(String name) {
        try (InputStream in = PythonStages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " beside " + PythonStages.class);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing() + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
