package dev.lamina.runtime.train;

import dev.lamina.runtime.data.Preprocessing;
import dev.lamina.runtime.export.PyTorchExport;

import java.io.IOException;

/** model.safetensors, model.py and preprocess.py at the end of a run, for PyTorch users. */
final class PyTorchExportFile implements TrainingCallback {

    private final Preprocessing<?> preprocessing;
    private TrainingContext context;

    PyTorchExportFile(Preprocessing<?> preprocessing) {
        this.preprocessing = preprocessing;
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        this.context = context;
    }

    @Override
    public void onTrainEnd(TrainingOutcome outcome) throws IOException {
        // Every layer kind has a PyTorch equivalent (LayerSpec.pytorch), so every network exports.
        PyTorchExport.write(context.network(), context.summary(), context.runDirectory(), preprocessing);
    }
}
