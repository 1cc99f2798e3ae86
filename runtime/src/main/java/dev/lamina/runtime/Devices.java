package dev.lamina.runtime;

import ai.djl.Device;
import ai.djl.engine.Engine;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/** Turns a user's device choice ({@code auto}, {@code cpu}, {@code gpu}, {@code gpu:1}) into a DJL device. */
public final class Devices {

    private static final AtomicBoolean FALLBACK_REPORTED = new AtomicBoolean();

    private Devices() {}

    /**
     * Resolves a device choice.
     *
     * @throws IllegalArgumentException for a choice that is not one of the accepted words
     * @throws LaminaRuntimeException if a GPU is asked for and PyTorch sees none
     */
    public static Device resolve(String choice) {
        String normalized = choice == null ? "auto" : choice.trim().toLowerCase(Locale.ROOT);
        if (normalized.equals("cpu")) {
            return Device.cpu();
        }
        Engine engine = LaminaEngine.get();
        int gpus = engine.getGpuCount();
        if (normalized.equals("auto")) {
            if (gpus > 0) {
                return Device.gpu(0);
            }
            if (FALLBACK_REPORTED.compareAndSet(false, true)) {
                System.err.println("[lamina] device auto: no GPU visible to PyTorch, using the CPU");
            }
            return Device.cpu();
        }
        if (normalized.equals("gpu") || normalized.startsWith("gpu:")) {
            int index = parseGpuIndex(choice, normalized);
            if (index >= gpus) {
                throw new LaminaRuntimeException(noGpuMessage(choice, gpus));
            }
            return Device.gpu(index);
        }
        throw new IllegalArgumentException(
                "unknown device '" + choice + "': use auto, cpu, gpu or gpu:<index>");
    }

    /** {@code cpu} or {@code gpu:0}, the way a user writes a device choice. */
    public static String describe(Device device) {
        return device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu";
    }

    private static int parseGpuIndex(String choice, String normalized) {
        if (normalized.equals("gpu")) {
            return 0;
        }
        try {
            int index = Integer.parseInt(normalized.substring(4));
            if (index >= 0) {
                return index;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException(
                "unknown device '" + choice + "': the GPU index must be a number >= 0, as in gpu:0");
    }

    static String noGpuMessage(String choice, int gpus) {
        if (gpus == 0) {
            return "device '"
                    + choice
                    + "' was requested, but PyTorch sees no GPU. Either the machine has no CUDA GPU and"
                    + " driver, or only CPU natives are on the class path: replace "
                    + LaminaEngine.NATIVE_DEPENDENCY
                    + " with a CUDA build such as ai.djl.pytorch:pytorch-native-cu124:2.7.1 (classifier"
                    + " linux-x86_64), or use device auto to fall back to the CPU.";
        }
        return "device '" + choice + "' was requested, but PyTorch sees only " + gpus + " GPU(s)";
    }
}
