/**
 * What one module writes and another reads, as types instead of strings repeated on both sides: the
 * network index the processor writes into a module's classes (read by the processor's test step and by
 * the Maven plugin), and the names of the metrics the trainer produces (checked by the processor in
 * {@code @EarlyStopping}, computed by the runtime). A key or a metric renamed here is renamed for every
 * reader at once, and a reader that disagrees with the writer fails to compile instead of at run time.
 */
package dev.lamina.spec.contract;
