package dev.lamina.runtime.train;

import dev.lamina.runtime.data.TaskColumn;

import dev.lamina.spec.contract.Measure;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Per-task metrics of a network's outputs against labels with one column per task (or regression target):
 * {@code outputs[i * tasks + t]} and {@code labels[i * tasks + t]}, NaN labels missing. Each task is scored over
 * its labelled entries only; the mean over tasks skips tasks where the metric is undefined (an assay without a
 * positive in the set has no ROC curve), as MoleculeNet's mean ROC AUC does.
 */
final class TaskColumns {

    private TaskColumns() {}

    /** ROC AUC, PR AUC and accuracy (logit above 0) of each yes/no task. */
    static Map<Measure, double[]> binary(float[] outputs, float[] labels, int tasks) {
        Map<Measure, double[]> perTask = new EnumMap<>(Measure.class);
        double[] roc = new double[tasks];
        double[] pr = new double[tasks];
        double[] accuracy = new double[tasks];
        for (int t = 0; t < tasks; t++) {
            TaskColumn column = TaskColumn.of(outputs, labels, tasks, t);
            roc[t] = RocAuc.of(column.scores(), column.labels());
            pr[t] = PrAuc.of(column.scores(), column.labels());
            long correct = 0;
            for (int i = 0; i < column.labels().length; i++) {
                correct += (column.scores()[i] > 0 ? 1f : 0f) == column.labels()[i] ? 1 : 0;
            }
            accuracy[t] = column.labels().length == 0 ? Double.NaN : correct / (double) column.labels().length;
        }
        perTask.put(Measure.ROC_AUC, roc);
        perTask.put(Measure.PR_AUC, pr);
        perTask.put(Measure.ACCURACY, accuracy);
        return perTask;
    }

    /** RMSE, MAE and R² of each regression target. */
    static Map<Measure, double[]> regression(float[] outputs, float[] labels, int targets) {
        Map<Measure, double[]> perTask = new EnumMap<>(Measure.class);
        double[] rmse = new double[targets];
        double[] mae = new double[targets];
        double[] r2 = new double[targets];
        for (int t = 0; t < targets; t++) {
            TaskColumn column = TaskColumn.of(outputs, labels, targets, t);
            int n = column.labels().length;
            double mean = 0;
            for (float label : column.labels()) {
                mean += label;
            }
            mean /= Math.max(1, n);
            double squared = 0;
            double absolute = 0;
            double total = 0;
            for (int i = 0; i < n; i++) {
                double error = column.scores()[i] - (double) column.labels()[i];
                squared += error * error;
                absolute += Math.abs(error);
                total += (column.labels()[i] - mean) * (column.labels()[i] - mean);
            }
            rmse[t] = n == 0 ? Double.NaN : Math.sqrt(squared / n);
            mae[t] = n == 0 ? Double.NaN : absolute / n;
            r2[t] = n == 0 || total == 0 ? Double.NaN : 1 - squared / total;
        }
        perTask.put(Measure.RMSE, rmse);
        perTask.put(Measure.MAE, mae);
        perTask.put(Measure.R2, r2);
        return perTask;
    }

    /** The mean of the defined values; NaN if none is. */
    static double meanOfDefined(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).average().orElse(Double.NaN);
    }

    /** The number of labelled entries per task. */
    static int[] labelled(float[] labels, int tasks) {
        int[] counts = new int[tasks];
        for (int i = 0; i < labels.length; i++) {
            counts[i % tasks] += Float.isNaN(labels[i]) ? 0 : 1;
        }
        return counts;
    }
}
