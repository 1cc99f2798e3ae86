package dev.lamina.runtime.torchscript;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.IValue;

import dev.lamina.runtime.LaminaEngine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lamina's TorchScript modules load from their source resources and run; a broken one says what is wrong. */
class TorchScriptModuleTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = LaminaEngine.get().newBaseManager(Device.cpu());
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void rowGatherCopiesRowsInTheGivenOrderIntoThePreallocatedArray() {
        NDArray source = manager.create(new float[] {0, 1, 10, 11, 20, 21, 30, 31}, new Shape(4, 2));
        NDArray order = manager.create(new long[] {2, 0, 3, 1});
        NDArray into = manager.zeros(new Shape(4, 2), DataType.FLOAT32);
        try (TorchScriptModule rowGather = TorchScriptModule.load("RowGather", manager);
                IValue from = IValue.from((PtNDArray) source);
                IValue rows = IValue.from((PtNDArray) order);
                IValue out = IValue.from((PtNDArray) into)) {
            rowGather.run("gather", from, rows, out);
        }
        assertArrayEquals(new float[] {20, 21, 0, 1, 30, 31, 10, 11}, into.toFloatArray());
    }

    @Test
    void aKernelTheNativesLackIsReportedWithTheModuleAndTheVersionNeeded() {
        EngineException error = assertThrows(EngineException.class, () -> TorchScriptModule.load("UnknownOp", manager));
        assertTrue(error.getMessage().startsWith("the PyTorch natives cannot compile Lamina's UnknownOp module;"
                + " Lamina needs PyTorch 2.4 or later"), error.getMessage());
        assertTrue(error.getMessage().contains("_lamina_no_such_kernel_"), error.getMessage());
    }

    @Test
    void aMissingModuleSourceIsNamed() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> TorchScriptModule.load("NoSuchModule", manager));
        assertEquals("the Lamina runtime jar lacks its resource NoSuchModule.torchscript", error.getMessage());
    }
}
