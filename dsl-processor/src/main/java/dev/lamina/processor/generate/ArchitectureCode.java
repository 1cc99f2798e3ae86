package dev.lamina.processor.generate;

import com.palantir.javapoet.CodeBlock;

import dev.lamina.processor.model.ActivationModel;
import dev.lamina.processor.model.BatchNormModel;
import dev.lamina.processor.model.Conv2dModel;
import dev.lamina.processor.model.FlattenModel;
import dev.lamina.processor.model.PoolModel;
import dev.lamina.processor.model.DropoutModel;
import dev.lamina.processor.model.LinearModel;
import dev.lamina.processor.shapes.InferredLayer;
import dev.lamina.processor.shapes.InferredNetwork;
import dev.lamina.processor.shapes.InferredStage;

import java.util.stream.Collectors;

/**
 * The expression that builds a network's {@code Architecture}: one {@code .stage(...)} line per field,
 * with every inferred width written out, so the generated code reads like the network it checked.
 */
final class ArchitectureCode {

    private ArchitectureCode() {}

    static CodeBlock of(InferredNetwork network) {
        String inputDims = network.model().input().dims().stream()
                .map(String::valueOf)
                .collect(Collectors.joining(", "));
        CodeBlock.Builder code = CodeBlock.builder()
                .add("$T.builder($S, $L)$>$>", RuntimeTypes.ARCHITECTURE, network.model().name(), inputDims);
        for (InferredStage stage : network.stages()) {
            CodeBlock layers = stage.layers().stream().map(ArchitectureCode::layer).collect(CodeBlock.joining(", "));
            code.add("\n.stage($S, $L)", stage.stage().name(), layers);
        }
        return code.add("\n.build()$<$<").build();
    }

    /** An inferred width as a Java literal: a flattened image can be wider than an int. */
    private static String literal(long value) {
        return value > Integer.MAX_VALUE ? value + "L" : Long.toString(value);
    }

    private static CodeBlock layer(InferredLayer inferred) {
        if (inferred.layer() instanceof LinearModel linear) {
            return CodeBlock.of("$T.linear($L, $L)", RuntimeTypes.LAYERS, literal(inferred.features()), linear.out());
        }
        if (inferred.layer() instanceof BatchNormModel batchNorm) {
            return CodeBlock.of("$T.batchNorm($L, $L, $L)", RuntimeTypes.LAYERS, literal(inferred.features()),
                    batchNorm.eps(), batchNorm.momentum());
        }
        if (inferred.layer() instanceof Conv2dModel conv) {
            return CodeBlock.of("$T.conv2d($L, $L, $L, $L, $L, $L)", RuntimeTypes.LAYERS, literal(inferred.features()), conv.out(),
                    conv.kernel(), conv.stride(), conv.padding(), conv.dilation());
        }
        if (inferred.layer() instanceof PoolModel pool) {
            return CodeBlock.of("$T.$L($L, $L, $L)", RuntimeTypes.LAYERS,
                    pool.kind().equals("MaxPool2d") ? "maxPool2d" : "avgPool2d", pool.kernel(), pool.stride(),
                    pool.padding());
        }
        if (inferred.layer() instanceof FlattenModel) {
            return CodeBlock.of("$T.flatten()", RuntimeTypes.LAYERS);
        }
        if (inferred.layer() instanceof DropoutModel dropout) {
            return CodeBlock.of("$T.dropout($L)", RuntimeTypes.LAYERS, dropout.p());
        }
        ActivationModel activation = (ActivationModel) inferred.layer();
        return switch (activation.activation()) {
            case ReLU -> CodeBlock.of("$T.relu()", RuntimeTypes.LAYERS);
            case LeakyReLU -> CodeBlock.of("$T.leakyRelu($L)", RuntimeTypes.LAYERS, activation.slope());
            case Sigmoid -> CodeBlock.of("$T.sigmoid()", RuntimeTypes.LAYERS);
            case Tanh -> CodeBlock.of("$T.tanh()", RuntimeTypes.LAYERS);
            case Softmax -> CodeBlock.of("$T.softmax()", RuntimeTypes.LAYERS);
        };
    }
}
