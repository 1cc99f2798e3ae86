package dev.lamina.runtime.train;

import dev.lamina.runtime.export.PyTorchExport;

import java.io.IOException;

/** model.safetensors and model.py at the end of a run, for PyTorch users. */
final class PyTorchExportFile implements TrainingCallback {

    private TrainingContext context;

    @Override
    public void onTrainBegin(TrainingContext context) {
        this.context = context;
    }

    @Override
    public void onTrainEnd(TrainingOutcome outcome) throws IOException {
        try {
            PyTorchExport.write(context.network(), context.summary(), context.runDirectory());
        } catch (IllegalArgumentException unsupported) {
            // The run itself succeeded; a layer the PyTorch export cannot express yet only costs the export.
            context.out().println("[lamina] no PyTorch export: " + unsupported.getMessage());
        }
    }
}
