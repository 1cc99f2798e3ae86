/**
 * What a network is, independent of how it is checked or run: layer descriptions that know their output
 * shape, parameters, cost and PyTorch equivalent; the network they form; the summary table; and the
 * typed contracts the processor, the runtime and the Maven plugin share. No dependencies, so the annotation
 * processor can use it without loading DJL.
 */
package dev.lamina.spec;
