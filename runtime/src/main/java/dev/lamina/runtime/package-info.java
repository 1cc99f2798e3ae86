/**
 * Runs Lamina networks on DJL with the PyTorch engine. Generated network classes describe their
 * architecture with {@link dev.lamina.runtime.Architecture} and delegate to {@link
 * dev.lamina.runtime.LaminaNetwork}.
 */
package dev.lamina.runtime;
