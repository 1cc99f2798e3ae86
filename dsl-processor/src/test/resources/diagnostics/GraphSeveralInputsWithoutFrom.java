package test;

import dev.lamina.dsl.*;

@Network(inputs = {@Input(name = "a", shape = 8), @Input(name = "b", shape = 8)})
abstract class GraphSeveralInputsWithoutFrom {
    @Linear(out = 4) Layer first; //! error lamina:graph at "@Linear": first reads nothing: the network has inputs [a, b]; say which with @From("a")
    @Add({"first", "b"}) @Linear(out = 2) Layer second;
}
