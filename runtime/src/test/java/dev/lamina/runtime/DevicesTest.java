package dev.lamina.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;

import org.junit.jupiter.api.Test;

/** Device choices; this machine has CPU natives only, so a GPU request must fail clearly. */
class DevicesTest {

    private static void assumeNoGpu() {
        assumeTrue(LaminaEngine.get().getGpuCount() == 0, "a GPU is visible; these checks are for CPU natives");
    }

    @Test
    void gpuWithoutCudaNativesNamesTheDependencyToReplace() {
        assumeNoGpu();
        for (String choice : new String[] {"gpu", "GPU", "gpu:0", "gpu:1"}) {
            LaminaRuntimeException e = assertThrows(LaminaRuntimeException.class, () -> Devices.resolve(choice));
            assertTrue(e.getMessage().contains("pytorch-native-cpu"), e.getMessage());
            assertTrue(e.getMessage().contains("CUDA build"), e.getMessage());
            assertTrue(e.getMessage().contains("'" + choice + "'"), e.getMessage());
        }
    }

    @Test
    void autoFallsBackToCpu() {
        assumeNoGpu();
        assertEquals(Device.cpu(), Devices.resolve("auto"));
        assertEquals(Device.cpu(), Devices.resolve(" Auto "));
        assertEquals(Device.cpu(), Devices.resolve(null));
        try (LaminaNetwork network = LaminaNetwork.create(SeedNetworks.mnist(), Devices.resolve("auto"))) {
            assertEquals(Device.cpu(), network.device());
        }
    }

    @Test
    void cpuIsCpu() {
        assertEquals(Device.cpu(), Devices.resolve("cpu"));
        assertEquals(Device.cpu(), Devices.resolve("CPU"));
    }

    @Test
    void unknownDeviceListsTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Devices.resolve("tpu"));
        for (String accepted : new String[] {"'tpu'", "auto", "cpu", "gpu", "gpu:<index>"}) {
            assertTrue(e.getMessage().contains(accepted), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Devices.resolve(""));
        assertThrows(IllegalArgumentException.class, () -> Devices.resolve("cuda"));
    }

    @Test
    void badGpuIndexIsRejected() {
        for (String choice : new String[] {"gpu:x", "gpu:", "gpu:-1", "gpu:1.5"}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> Devices.resolve(choice), choice);
            assertTrue(e.getMessage().contains(choice), e.getMessage());
            assertTrue(e.getMessage().contains("gpu:0"), e.getMessage());
        }
    }
}
