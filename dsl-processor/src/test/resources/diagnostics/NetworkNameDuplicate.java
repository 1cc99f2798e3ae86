package test;

import dev.lamina.dsl.*;

/** Two networks named alike would share a run folder; the second is warned (suppressible, as in Suppressed below). */
@Network(input = 784, name = "Digits")
abstract class DigitsSmall {
    @Linear(out = 10) Layer logits;
}

@Network(input = 784, name = "Digits")
abstract class DigitsLarge { //! warning lamina:name at "class": DigitsLarge: the network test.DigitsSmall is also named "Digits", so both would train into the run folder <output>/Digits and -Dlamina.network=Digits could not tell them apart; give one of them another @Network(name = ...)
    @Linear(out = 300) @ReLU Layer hidden;
    @Linear(out = 10) Layer logits;
}

@SuppressWarnings("lamina:name")
@Network(input = 784, name = "Digits")
abstract class DigitsSuppressed {
    @Linear(out = 10) Layer logits;
}
