package dev.lamina.runtime.train;

/** How the learning rate changes from epoch to epoch; stepped once per epoch, as PyTorch's schedulers are. */
public sealed interface Schedule permits Schedule.Constant, Schedule.Step, Schedule.Cosine {

    /** The learning rate for epoch {@code epoch} (0-based) of {@code totalEpochs}. */
    double learningRate(double initial, int epoch, int totalEpochs);

    void validate();

    Schedule CONSTANT = new Constant();

    /** No schedule. */
    record Constant() implements Schedule {
        @Override
        public double learningRate(double initial, int epoch, int totalEpochs) {
            return initial;
        }

        @Override
        public void validate() {}

        @Override
        public String toString() {
            return "constant";
        }
    }

    /** {@code StepLR(step_size, gamma)}: {@code lr * gamma^(epoch / stepSize)}. */
    record Step(int stepSize, double gamma) implements Schedule {
        @Override
        public double learningRate(double initial, int epoch, int totalEpochs) {
            return initial * Math.pow(gamma, epoch / stepSize);
        }

        @Override
        public void validate() {
            Checks.atLeast("StepLr stepSize", stepSize, 1);
            if (!(gamma > 0 && gamma <= 1)) {
                throw new IllegalArgumentException("StepLr gamma must be in (0, 1], was " + gamma);
            }
        }

        @Override
        public String toString() {
            return "StepLR(step_size=" + stepSize + ", gamma=" + gamma + ")";
        }
    }

    /**
     * {@code CosineAnnealingLR(T_max, eta_min)}: {@code minLr + (lr - minLr) (1 + cos(pi epoch / T_max)) /
     * 2}; {@code epochs <= 0} means over the whole run.
     */
    record Cosine(int epochs, double minLr) implements Schedule {
        @Override
        public double learningRate(double initial, int epoch, int totalEpochs) {
            int period = epochs > 0 ? epochs : totalEpochs;
            return minLr + (initial - minLr) * (1 + Math.cos(Math.PI * epoch / period)) / 2;
        }

        @Override
        public void validate() {
            Checks.atLeastZero("CosineLr minLr", minLr);
        }

        @Override
        public String toString() {
            return "CosineAnnealingLR(T_max=" + (epochs > 0 ? epochs : "epochs") + ", eta_min=" + minLr + ")";
        }
    }
}
