package test;

import dev.lamina.dsl.*;

/** Stages may share names with the generated class's members; the generated code still compiles. */
@Network(input = 784)
abstract class StageNamedLikeGeneratedMembers {
    @Linear(out = 30) @ReLU Layer network;
    @Linear(out = 20) @ReLU Layer SUMMARY;
    @Linear(out = 10) Layer ARCHITECTURE;
}
