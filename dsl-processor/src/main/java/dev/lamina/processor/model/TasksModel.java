package dev.lamina.processor.model;

import dev.lamina.processor.diagnostics.Location;

import java.util.List;

import javax.lang.model.element.TypeElement;

/**
 * {@code @Tasks} on the data class of {@code @Train(data = ...)}, read from its annotation mirror (the data class
 * may be compiled now or come from a jar). Each name carries where a diagnostic about it points: the name itself
 * when the data class is compiled now, otherwise {@code @Train(data = ...)} on the network, the only place in
 * this compilation that names it. {@code location} is the annotation as a whole, on the same terms.
 */
public record TasksModel(TypeElement dataClass, List<Task> tasks, Location location) {

    public TasksModel {
        tasks = List.copyOf(tasks);
    }

    public List<String> names() {
        return tasks.stream().map(Task::name).toList();
    }

    public int count() {
        return tasks.size();
    }

    /** One task name and where it is written. */
    public record Task(String name, Location location) {}
}
