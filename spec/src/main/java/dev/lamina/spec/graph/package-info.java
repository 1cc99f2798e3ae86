/**
 * Networks that are not a straight line: named inputs, stages that read other stages, merges, residual
 * blocks and several outputs. {@link dev.lamina.spec.graph.GraphSpec} describes one; {@link
 * dev.lamina.spec.graph.GraphShapes} checks it and follows the sample shapes through it.
 */
package dev.lamina.spec.graph;
