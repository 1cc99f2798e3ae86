package dev.lamina.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the labels of a data source that has several per sample: the 12 Tox21 assays, or several regression
 * targets. Put it on the data class of {@code @Train(data = ...)}; the compiler checks that the network ends in
 * one output per task, the run checks that the data has these label columns, and metrics and the report are
 * given per task by these names.
 *
 * <pre>{@code
 * @Tasks({"NR-AR", "NR-AR-LBD", "NR-AhR", ...})
 * public class Tox21Data implements DataSource<String> { ... }
 * }</pre>
 *
 * <p>Without it a data source has one label per sample.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Tasks {

    /** The task names, in the order of the network's outputs; at least one, none blank or repeated. */
    String[] value();
}
