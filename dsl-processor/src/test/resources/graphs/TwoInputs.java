package dev.lamina.examples;

import dev.lamina.dsl.*;

/**
 * README's two-input network with a residual block and two outputs, widths left to inference. Until @Head
 * exists, a stage that is not last is an output when it branches with @From and nobody reads it.
 */
@Network(inputs = {@Input(name = "fingerprint", shape = 32), @Input(name = "descriptors", shape = 8)})
public abstract class TwoInputs {
    @From("fingerprint") @Linear(out = 16) @ReLU          Layer fp;
    @From("descriptors") @Linear(out = 4) @ReLU           Layer desc;
    @Concat({"fp", "desc"}) @Linear(out = 16) @BatchNorm @ReLU Layer joint;
    @Residual @Linear(out = 16) @ReLU                     Layer block;
    @From("block") @Linear(out = 3)                       Layer assays;
    @From("joint") @Linear(out = 1)                       Layer solubility;
}
