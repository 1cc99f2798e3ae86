package dev.lamina.runtime.reliability;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import dev.lamina.runtime.LaminaEngine;

/**
 * Child JVM probes of the PyTorch engine. {@code start}: starts the engine and, if that fails, prints the
 * exception and each of its causes ({@code cause: <class>: <message>}) and exits with 1. {@code oom}: asks
 * PyTorch for an array of 2^45 floats (128 TiB, more than a 47-bit address space holds, so no overcommit
 * setting can grant it), prints what was thrown, then proves the engine still computes and exits with 0.
 */
public final class EngineMain {

    /** 2^45 float32 values: 2^47 bytes. */
    static final long IMPOSSIBLE_ELEMENTS = 1L << 45;

    private EngineMain() {}

    public static void main(String[] args) {
        if (args[0].equals("start")) {
            try {
                System.out.println("started PyTorch " + LaminaEngine.get().getVersion());
            } catch (RuntimeException e) {
                for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                    System.out.println("cause: " + cause.getClass().getName() + ": " + cause.getMessage());
                }
                System.exit(1);
            }
        } else if (args[0].equals("oom")) {
            try (NDManager manager = LaminaEngine.get().newBaseManager()) {
                try {
                    manager.zeros(new Shape(IMPOSSIBLE_ELEMENTS));
                    System.out.println("allocated 2^45 floats?!");
                } catch (RuntimeException e) {
                    System.out.println("thrown: " + e.getClass().getName() + ": " + e.getMessage());
                }
                float sum = manager.ones(new Shape(1000)).sum().getFloat();
                System.out.println("after the failure the engine still computes: " + sum);
            }
        }
        System.exit(0);
    }
}
