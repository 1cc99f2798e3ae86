package dev.lamina.runtime.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.IValue;

import dev.lamina.runtime.torchscript.TorchScriptModule;

import java.util.Map;

/**
 * What every optimizer keeps across steps: its buffers (for checkpoints), the step counts, and the
 * TorchScript module with PyTorch's fused kernels, whose methods also report in {@link #foundInf} whether
 * they skipped the step for a non-finite gradient.
 */
abstract class StatefulOptimizer implements Optimizer {

    protected final OptimizerState state;
    /** Set to 1 by a kernel that found a NaN or infinite gradient and left everything unchanged. */
    protected final IValue foundInf;
    protected long steps;
    protected long skippedSteps;

    private final NDArray foundInfArray;
    private final TorchScriptModule kernels;

    StatefulOptimizer(Map<String, NDArray> parameters) {
        NDManager owner = parameters.values().iterator().next().getManager();
        this.state = new OptimizerState(owner);
        this.foundInfArray = state.scratch().zeros(new Shape());
        this.foundInf = IValue.from((PtNDArray) foundInfArray);
        this.kernels = TorchScriptModule.load("FusedOptimizers", state.scratch());
    }

    /** Runs one fused update, {@code method} of FusedOptimizers.torchscript, and counts it as taken or skipped. */
    protected final void runStep(String method, IValue... arguments) {
        kernels.run(method, arguments);
        if (foundInfArray.getFloat() == 0) {
            steps++;
        } else {
            skippedSteps++;
        }
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public long skippedSteps() {
        return skippedSteps;
    }

    @Override
    public Map<String, NDArray> state() {
        return state.buffers();
    }

    @Override
    public void restore(Map<String, float[]> values, long restoredSteps) {
        state.restore(values);
        steps = restoredSteps;
    }

    @Override
    public void close() {
        foundInf.close();
        kernels.close();
        state.close();
    }
}
