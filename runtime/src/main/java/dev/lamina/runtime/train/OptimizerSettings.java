package dev.lamina.runtime.train;

/** Which optimizer to train with and its hyper-parameters, in PyTorch's conventions. */
public sealed interface OptimizerSettings permits OptimizerSettings.Sgd, OptimizerSettings.Adam {

    double learningRate();

    /** The same optimizer with another learning rate (a command-line override, say). */
    OptimizerSettings withLearningRate(double learningRate);

    /** Checks every value; the messages name the setting, its value and the valid range. */
    void validate();

    /** {@code optim.SGD(lr, momentum, nesterov, weight_decay)}. */
    record Sgd(double learningRate, double momentum, boolean nesterov, double weightDecay)
            implements OptimizerSettings {

        @Override
        public OptimizerSettings withLearningRate(double newRate) {
            return new Sgd(newRate, momentum, nesterov, weightDecay);
        }

        @Override
        public void validate() {
            Checks.positive("learning rate", learningRate);
            Checks.inRange("SGD momentum", momentum, 0, 1, "[0, 1)");
            Checks.atLeastZero("weight decay", weightDecay);
            if (nesterov && momentum == 0) {
                throw new IllegalArgumentException("Nesterov SGD needs a momentum above 0, as in momentum = 0.9");
            }
        }

        @Override
        public String toString() {
            return "SGD(lr=" + learningRate + ", momentum=" + momentum + (nesterov ? ", nesterov" : "")
                    + (weightDecay > 0 ? ", weight_decay=" + weightDecay : "") + ")";
        }
    }

    /** {@code optim.Adam(lr, betas=(beta1, beta2), eps, weight_decay)}. */
    record Adam(double learningRate, double beta1, double beta2, double eps, double weightDecay)
            implements OptimizerSettings {

        public static Adam defaults() {
            return new Adam(1e-3, 0.9, 0.999, 1e-8, 0);
        }

        @Override
        public OptimizerSettings withLearningRate(double newRate) {
            return new Adam(newRate, beta1, beta2, eps, weightDecay);
        }

        @Override
        public void validate() {
            Checks.positive("learning rate", learningRate);
            Checks.inRange("Adam beta1", beta1, 0, 1, "[0, 1)");
            Checks.inRange("Adam beta2", beta2, 0, 1, "[0, 1)");
            Checks.positive("Adam eps", eps);
            Checks.atLeastZero("weight decay", weightDecay);
        }

        @Override
        public String toString() {
            return "Adam(lr=" + learningRate + ", betas=(" + beta1 + ", " + beta2 + "), eps=" + eps
                    + (weightDecay > 0 ? ", weight_decay=" + weightDecay : "") + ")";
        }
    }
}
