package test;

import dev.lamina.dsl.*;

@Network(input = {1, 28, 28})
abstract class ConvAndLinearOnOneMember {
    @Conv2d(out = 4, kernel = 3) @Flatten @Linear(out = 10) Layer everything; //! error lamina:structure at "@Conv2d": everything: @Conv2d and @Linear on one member would both own everything.weight and everything.bias; put them on separate members
}
