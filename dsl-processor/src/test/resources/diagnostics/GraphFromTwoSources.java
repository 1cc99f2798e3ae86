package test;

import dev.lamina.dsl.*;

@Network(inputs = {@Input(name = "a", shape = 8), @Input(name = "b", shape = 8)})
abstract class GraphFromTwoSources {
    @From({"a", "b"}) @Linear(out = 4) Layer both; //! error lamina:graph at "{": both: @From reads one source, but names 2 [a, b]; to merge them write @Add (sum) or @Concat (join features)
}
