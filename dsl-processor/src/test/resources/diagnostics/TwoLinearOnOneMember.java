package test;

import dev.lamina.dsl.*;

/** Java itself rejects a repeated annotation; the processor adds nothing confusing to javac's error. */
@Network(input = 784)
abstract class TwoLinearOnOneMember {
    @Linear(out = 300) @Linear(out = 10) Layer hidden; //! error javac at "@Linear(out = 10)": not a repeatable annotation
}
