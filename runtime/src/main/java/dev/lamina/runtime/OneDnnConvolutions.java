package dev.lamina.runtime;

import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether libtorch computes convolutions with oneDNN (its "mkldnn" backend), the switch PyTorch users know
 * as {@code torch.backends.mkldnn.enabled}.
 *
 * <p>Why Lamina keeps it out of backward passes: libtorch 2.7.1's oneDNN 3.7.1 ({@code backward_data}, with
 * the weights in a 16x16-padded blocked layout) computes the input gradient of a convolution with few
 * channels from memory it has not initialised: the same backward pass on the same data gives NaN gradients
 * now and then, and nearly always when a NaN-filled block of the padded weights' size (2,304 floats) was
 * freed just before (the test {@code ConvolutionGradientTest} does that). libtorch's own backward
 * convolution (im2col and a matrix product) gives finite gradients that are identical from pass to pass.
 * libtorch chooses the backend again for the backward pass, so forward passes keep oneDNN ({@link
 * Mode#BACKWARD_OFF}, the default). The trade-off: libtorch's own backward convolution is slower than
 * oneDNN's (measured on MnistCnnStrong, 1 thread: 6,134 samples/s against up to 7,503 with oneDNN
 * everywhere and 4,386 with it nowhere).
 *
 * <p>DJL binds neither this switch nor any other way to choose the convolution backend, and libtorch reads
 * no environment variable for it, so it is set on libtorch's global context ({@code at::globalContext()})
 * through JNA, which DJL already depends on. NNPACK, the other alternative backend, is switched off with it:
 * on CPUs it does not support it logs "Could not initialize NNPACK" and falls back anyway. Every step is
 * guarded: a libtorch without these symbols (another version or platform) keeps its default, and the reason
 * is returned for the caller to report.
 *
 * <p>{@code -Dlamina.onednn=enabled} keeps libtorch's default (oneDNN on), to check whether a newer native
 * version still has the problem.
 */
public final class OneDnnConvolutions {

    /** {@code backward-off} (Lamina's default), {@code disabled} or {@code enabled} (libtorch's default). */
    public static final String PROPERTY = "lamina.onednn";

    private static final String GLOBAL_CONTEXT = "_ZN2at13globalContextEv";
    private static final String SET_MKLDNN = "_ZN2at7Context20setUserEnabledMkldnnEb";
    private static final String GET_MKLDNN = "_ZNK2at7Context17userEnabledMkldnnEv";
    private static final String SET_NNPACK = "_ZN2at7Context20setUserEnabledNNPACKEb";

    /** Where oneDNN computes convolutions. */
    public enum Mode {
        /** libtorch's default: forward and backward passes. */
        ENABLED,
        /**
         * Forward passes only: libtorch picks a convolution's backend again when it computes its gradients,
         * so switching oneDNN off around each backward pass keeps its fast forward kernels and none of its
         * backward ones.
         */
        BACKWARD_OFF,
        /** Nowhere. */
        DISABLED
    }

    private static volatile Natives natives;

    private OneDnnConvolutions() {}

    /** The mode {@code -Dlamina.onednn} asks for. */
    public static Mode modeFromProperty() {
        String value = System.getProperty(PROPERTY, "backward-off").trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "backward-off" -> Mode.BACKWARD_OFF;
            case "disabled", "false", "off" -> Mode.DISABLED;
            case "enabled", "true", "on", "default" -> Mode.ENABLED;
            default -> throw new IllegalArgumentException("-D" + PROPERTY + "=" + value
                    + " is none of 'backward-off' (Lamina's default), 'disabled' and 'enabled' (libtorch's default)");
        };
    }

    /**
     * Runs {@code collector.backward(loss)} with oneDNN switched off for its duration when the mode is {@link
     * Mode#BACKWARD_OFF}; every backward pass through a convolution goes through here.
     */
    public static void backward(GradientCollector collector, NDArray loss) {
        Natives n = natives;
        if (n == null || LaminaEngine.oneDnnMode() != Mode.BACKWARD_OFF) {
            collector.backward(loss);
            return;
        }
        n.set(false);
        try {
            collector.backward(loss);
        } finally {
            n.set(true);
        }
    }

    /**
     * Sets libtorch's oneDNN (and NNPACK) switch for this process. Must run after DJL has loaded libtorch.
     *
     * @return empty if set, else why not (libtorch then keeps its default)
     */
    public static Optional<String> setEnabled(boolean enabled) {
        try {
            Natives n = natives();
            n.set(enabled);
            return n.enabled() == enabled ? Optional.empty() : Optional.of("libtorch did not take the setting");
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return Optional.of(e.toString());
        }
    }

    /** Whether libtorch currently uses oneDNN for convolutions (libtorch's default: true). */
    public static boolean isEnabled() {
        return natives().enabled();
    }

    private static Natives natives() {
        Natives n = natives;
        if (n == null) {
            synchronized (OneDnnConvolutions.class) {
                n = natives;
                if (n == null) {
                    n = new Natives(libtorch());
                    natives = n;
                }
            }
        }
        return n;
    }

    /** The switches, looked up once: a backward pass flips them twice. */
    private static final class Natives {
        private final Pointer context;
        private final Function setMkldnn;
        private final Function setNnpack;
        private final Function getMkldnn;

        Natives(NativeLibrary torch) {
            context = torch.getFunction(GLOBAL_CONTEXT).invokePointer(new Object[0]);
            if (context == null) {
                throw new IllegalStateException("at::globalContext() returned null");
            }
            setMkldnn = torch.getFunction(SET_MKLDNN);
            setNnpack = torch.getFunction(SET_NNPACK);
            getMkldnn = torch.getFunction(GET_MKLDNN);
        }

        void set(boolean enabled) {
            setMkldnn.invokeVoid(new Object[] {context, enabled});
            setNnpack.invokeVoid(new Object[] {context, enabled});
        }

        boolean enabled() {
            // A C++ bool comes back in the low byte of the return register; the rest is undefined.
            return (getMkldnn.invokeInt(new Object[] {context}) & 0xFF) != 0;
        }
    }

    /**
     * The libtorch_cpu that DJL loaded: found in this process's memory map, so it is the very library in use,
     * not another copy on the library path. Elsewhere than Linux, by its name.
     */
    private static NativeLibrary libtorch() {
        Path maps = Path.of("/proc/self/maps");
        if (Files.isReadable(maps)) {
            try (var lines = Files.lines(maps)) {
                Optional<String> path = lines.map(line -> line.substring(line.lastIndexOf(' ') + 1))
                        .filter(file -> file.endsWith("/libtorch_cpu.so"))
                        .findFirst();
                if (path.isPresent()) {
                    return NativeLibrary.getInstance(path.get());
                }
            } catch (IOException e) {
                // fall through to the lookup by name
            }
        }
        return NativeLibrary.getInstance("torch_cpu");
    }
}
