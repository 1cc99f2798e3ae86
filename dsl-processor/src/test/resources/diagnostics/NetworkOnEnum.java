package test;

import dev.lamina.dsl.*;

@Network(input = 784)
enum NetworkOnEnum { //! error lamina:target at "enum": NetworkOnEnum is an enum
    A
}
