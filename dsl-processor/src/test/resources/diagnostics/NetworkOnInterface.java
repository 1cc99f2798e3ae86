package test;

import dev.lamina.dsl.*;

@Network(input = 784)
interface NetworkOnInterface { //! error lamina:target at "interface": @Network needs a class the generated network can extend, but NetworkOnInterface is an interface; write 'abstract class NetworkOnInterface' instead
}
