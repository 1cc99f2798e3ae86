package dev.lamina.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

/**
 * Values read from a file replace an array's in place: a parameter that requires a gradient keeps it
 * (the optimizer reads its gradient), and non-finite old values do not leak into the new ones.
 */
class ArrayValuesTest {

    @Test
    void overwritesAParameterThatRequiresAGradientInPlace() {
        try (NDManager manager = LaminaEngine.get().newBaseManager()) {
            NDArray parameter = manager.create(new float[] {Float.NaN, 1, Float.POSITIVE_INFINITY, 3}, new Shape(2, 2));
            parameter.setRequiresGradient(true);

            ArrayValues.overwrite(parameter, new float[] {5, 6, 7, 8});

            assertArrayEquals(new float[] {5, 6, 7, 8}, parameter.toFloatArray());
            assertEquals(new Shape(2, 2), parameter.getShape());
            assertTrue(parameter.hasGradient(), "still requires a gradient");
        }
    }

    @Test
    void overwritesAScalarAndRejectsAWrongCount() {
        try (NDManager manager = LaminaEngine.get().newBaseManager()) {
            NDArray step = manager.create(0f);
            ArrayValues.overwrite(step, new float[] {42});
            assertEquals(42f, step.getFloat());
            assertThrows(IllegalArgumentException.class, () -> ArrayValues.overwrite(step, new float[] {1, 2}));
        }
    }
}
