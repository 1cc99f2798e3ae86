package dev.lamina.runtime.model;

import java.util.Map;

/** Names the kind of safetensors file a metadata map belongs to, for the message that refuses it. */
final class WhatFileIs {

    private WhatFileIs() {}

    static String describe(Map<String, String> metadata) {
        String network = metadata.get(ModelFile.NETWORK);
        String of = network == null ? "" : " of network " + network;
        if (metadata.containsKey("completed_epochs")) {
            return "a training checkpoint" + of + " (for resuming a run, after epoch " + metadata.get("completed_epochs")
                    + ")";
        }
        if (network != null) {
            return "a parameter file" + of + " (weights only: best.safetensors, last.safetensors or a saved network)";
        }
        return "a safetensors file without Lamina's metadata (from PyTorch or another tool)";
    }
}
