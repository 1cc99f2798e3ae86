package dev.lamina.runtime.data;

import java.util.Objects;
import java.util.Optional;

/** A data set split into training, validation and test sets; a set is empty when its share was 0. */
public record SplitSets(Dataset train, Optional<Dataset> validation, Optional<Dataset> test) {

    public SplitSets {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(test, "test");
    }
}
