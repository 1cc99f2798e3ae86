"""Runs an exported graph model.py against Lamina's numbers (GraphExportTest).

Usage: graph_export_check.py <export dir> <class name> <check.safetensors>

Imports model.py from the export directory, loads model.safetensors strictly, runs forward in eval mode on the
check file's input.<name> tensors (passed positionally, in model.INPUTS order) and prints, for every output,
"max_abs_difference eval.<name> <difference>" against the check file's eval.<name>.
"""

import importlib.util
import os
import sys

import torch


def main(export, class_name, check_path):
    spec = importlib.util.spec_from_file_location("exported_model", os.path.join(export, "model.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    model = getattr(module, class_name)()
    state = module.load_safetensors(os.path.join(export, "model.safetensors"))
    model.load_state_dict(state, strict=True)
    model.eval()
    print("state_dict", " ".join(sorted(model.state_dict().keys())))
    check = module.load_safetensors(check_path)
    inputs = [check["input." + name] for name in module.INPUTS]
    with torch.no_grad():
        outputs = model(*inputs)
    if not isinstance(outputs, dict):
        if len(module.OUTPUTS) != 1:
            raise SystemExit("one tensor returned for outputs " + str(list(module.OUTPUTS)))
        outputs = {next(iter(module.OUTPUTS)): outputs}
    if list(outputs) != list(module.OUTPUTS):
        raise SystemExit("outputs " + str(list(outputs)) + " are not OUTPUTS " + str(list(module.OUTPUTS)))
    for name, value in outputs.items():
        expected = check["eval." + name]
        if tuple(value.shape) != tuple(expected.shape):
            raise SystemExit(f"{name}: shape {tuple(value.shape)}, Lamina's {tuple(expected.shape)}")
        difference = (value - expected).abs().max().item()
        print("max_abs_difference", "eval." + name, repr(difference))


if __name__ == "__main__":
    main(*sys.argv[1:4])
