package test;

import dev.lamina.dsl.*;

@Network(input = 784)
abstract class GraphAddShapesDiffer {
    @Linear(out = 64) @ReLU                  Layer a;
    @From("a") @Linear(out = 32) @ReLU       Layer b;
    @Add({"a", "b"}) @Linear(out = 10)       Layer sum; //! error lamina:graph at '"b"': sum: @Add({"a", "b"}) sums a (N, 64) and b (N, 32), which differ; make b's output (N, 64)
}
