package dev.lamina.runtime.report;

import dev.lamina.spec.contract.Measure;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** How the report writes numbers: fixed digits, percentages, durations, memory, learning rates; a dash for none. */
final class ReportFormat {

    private ReportFormat() {}

    static String fixed(double value, int digits) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + digits + "f", value) : "\u2014";
    }

    static String percent(double fraction, int digits) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%." + digits + "f%%", fraction * 100) : "\u2014";
    }

    static String integer(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%,d", Math.round(value)) : "\u2014";
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "\u2014";
        }
        if (seconds < 60) {
            return String.format(Locale.ROOT, seconds < 10 ? "%.2f s" : "%.1f s", seconds);
        }
        long whole = Math.round(seconds);
        if (whole < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", whole / 3600, (whole % 3600) / 60);
    }

    static String megabytes(double megabytes) {
        if (!Double.isFinite(megabytes)) {
            return "\u2014";
        }
        return megabytes >= 10_240 ? String.format(Locale.ROOT, "%.1f GB", megabytes / 1024)
                : String.format(Locale.ROOT, "%,d MB", Math.round(megabytes));
    }

    static String learningRate(double rate) {
        if (!Double.isFinite(rate)) {
            return "\u2014";
        }
        if (rate == 0) {
            return "0";
        }
        if (Math.abs(rate) >= 1e-3 && Math.abs(rate) < 1e4) {
            return new BigDecimal(rate).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        }
        int exponent = (int) Math.floor(Math.log10(Math.abs(rate)));
        BigDecimal mantissa = new BigDecimal(rate / Math.pow(10, exponent)).round(new MathContext(3))
                .stripTrailingZeros();
        if (mantissa.abs().compareTo(BigDecimal.TEN) >= 0) {
            mantissa = mantissa.movePointLeft(1).stripTrailingZeros();
            exponent++;
        }
        return mantissa.toPlainString() + "e" + exponent;
    }

    static String lossName(String loss) {
        return switch (loss) {
            case "CROSS_ENTROPY" -> "cross-entropy";
            case "BCE_WITH_LOGITS" -> "BCE with logits";
            case "MSE" -> "mean squared error";
            case "L1" -> "L1 (mean absolute error)";
            case "HUBER" -> "Huber";
            default -> loss;
        };
    }

    /** A measure as a heading or label names it: {@code ROC AUC}, {@code R²}. */
    static String measureName(Measure measure) {
        return switch (measure) {
            case LOSS -> "Loss";
            case ACCURACY -> "Accuracy";
            case ROC_AUC -> "ROC AUC";
            case PR_AUC -> "PR AUC";
            case RMSE -> "RMSE";
            case MAE -> "MAE";
            case R2 -> "R\u00b2";
        };
    }

    /** A value of {@code measure}: accuracy as a percentage, everything else with four decimals. */
    static String measure(Measure measure, double value) {
        return measure == Measure.ACCURACY ? percent(value, 2) : fixed(value, 4);
    }
}
