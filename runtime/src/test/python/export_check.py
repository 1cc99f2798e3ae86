#!/usr/bin/python3
"""Checks a network exported by Lamina's PyTorchExport against Lamina's own outputs.

    /usr/bin/python3 export_check.py EXPORT_DIR CLASS_NAME CHECK_FILE

EXPORT_DIR holds model.py and model.safetensors as PyTorchExport wrote them; CLASS_NAME is the network's
class in model.py. CHECK_FILE is a safetensors file written by the Java test with

  input                      a batch of samples, of shape (N, *INPUT_SHAPE)
  eval.output                Lamina's forwardEval(input) with the exported parameters
  train.input (optional)     a batch for one train-mode step (the network must then have no active Dropout)
  train.output               Lamina's forwardTrain(train.input), made after eval.output
  train.<name>               every running statistic after that step

The script imports model.py, loads model.safetensors strictly (through both the class's load() and
load_state_dict), checks the state_dict names against the file, runs the forward passes and prints one line
per comparison:

  max_abs_difference <what> <value>

and one line naming the module's BatchNorm classes and their PyTorch bases (batch_norm_classes
BatchNorm2d/BatchNorm2d ...).

It exits non-zero (with a traceback) when something does not load or names differ; the Java test judges
the differences. It needs only torch (Debian's python3-torch): the safetensors files are read with
model.py's own reader.
"""

import copy
import importlib.util
import os
import sys

import torch


def import_model(directory):
    path = os.path.join(directory, "model.py")
    spec = importlib.util.spec_from_file_location("lamina_exported_model", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def max_abs_difference(expected, actual):
    if tuple(expected.shape) != tuple(actual.shape):
        raise AssertionError(f"shape {tuple(actual.shape)}, expected {tuple(expected.shape)}")
    if expected.numel() == 0:
        return 0.0
    return (expected.double() - actual.double()).abs().max().item()


def main(directory, class_name, check_file):
    torch.set_num_threads(1)
    module = import_model(directory)
    network_class = getattr(module, class_name)
    weights_file = os.path.join(directory, "model.safetensors")
    weights = module.read_safetensors(weights_file)
    check = module.read_safetensors(check_file)

    # Plain state_dict API, strict (the default).
    model = network_class()
    model.load_state_dict(weights)
    names = list(model.state_dict().keys())
    if sorted(names) != sorted(weights.keys()):
        raise AssertionError(f"state_dict names {names} differ from the file's {list(weights.keys())}")
    for name, tensor in model.state_dict().items():
        if not torch.equal(tensor, weights[name]):
            raise AssertionError(f"{name} was not loaded exactly")

    # The class's own loader: default path beside model.py, eval mode.
    loaded = network_class.load()
    if loaded.training:
        raise AssertionError("load() must return the model in eval mode")
    batch_norms = [m for m in loaded.modules() if isinstance(m, torch.nn.modules.batchnorm._BatchNorm)]
    if any(m.num_batches_tracked is not None for m in batch_norms):
        raise AssertionError("a BatchNorm still tracks num_batches_tracked")
    print("batch_norm_classes", " ".join(type(m).__name__ + "/" + type(m).__mro__[1].__name__ for m in batch_norms))

    # A state_dict written by PyTorch's own nn.BatchNorm1d/2d (with num_batches_tracked) loads strictly too.
    with_counter = dict(weights)
    for name in weights:
        if name.endswith(".running_mean"):
            with_counter[name[: -len("running_mean")] + "num_batches_tracked"] = torch.tensor(7)
    network_class().load_state_dict(with_counter)

    with torch.no_grad():
        output = loaded(check["input"])
    print("max_abs_difference eval.output", max_abs_difference(check["eval.output"], output))

    if "train.input" in check:
        model = copy.deepcopy(loaded).train()
        with torch.no_grad():
            output = model(check["train.input"])
        print("max_abs_difference train.output", max_abs_difference(check["train.output"], output))
        state = model.state_dict()
        if sorted(state.keys()) != sorted(weights.keys()):
            raise AssertionError(f"a train step changed the state_dict names to {list(state.keys())}")
        for name in weights:
            if "running_" in name:
                print("max_abs_difference train." + name, max_abs_difference(check["train." + name], state[name]))


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
