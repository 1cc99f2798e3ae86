/**
 * Runs graph networks ({@link dev.lamina.spec.graph.GraphSpec}) on DJL: one block of layers per node, built
 * and initialised as a straight network's stages are, wired by the graph's sources, merges and residual
 * connections.
 */
package dev.lamina.runtime.graph;
