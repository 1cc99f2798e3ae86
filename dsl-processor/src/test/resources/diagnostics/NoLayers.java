package test;

import dev.lamina.dsl.*;

@Network(input = 784) //! error lamina:structure: NoLayers has no layers; declare at least one stage
abstract class NoLayers {
    int notAStage;
}
