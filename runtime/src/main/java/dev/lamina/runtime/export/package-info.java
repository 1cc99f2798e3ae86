/**
 * Exports a trained Lamina network for PyTorch users: its parameters as safetensors under Lamina's names
 * (which are PyTorch's {@code state_dict} names) and a generated, readable {@code model.py} defining an
 * equivalent {@code nn.Module}. See {@link dev.lamina.runtime.export.PyTorchExport}.
 */
package dev.lamina.runtime.export;
