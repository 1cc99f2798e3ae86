package test;

import dev.lamina.dsl.*;

import dev.lamina.runtime.data.DataContext;
import dev.lamina.runtime.data.DataSource;
import dev.lamina.runtime.data.TrainTestData;

/** A scaffold split needs molecules: SMILES, the raw input of DataSource<String>. */
@Network(input = 784)
@Train(data = SplitMethods.Pixels.class)
@Split(method = SplitMethod.SCAFFOLD) //! error lamina:split at ".SCAFFOLD": SplitMethods: @Split(method = SplitMethod.SCAFFOLD) groups molecules by their Bemis-Murcko scaffold, but Pixels reads DataSource<float[]>, not SMILES; use SplitMethod.RANDOM, or a data source of molecules (DataSource<String>)
abstract class SplitMethods {
    @Linear(out = 10) Layer logits;

    public static class Pixels implements DataSource<float[]> {
        @Override
        public TrainTestData load(DataContext context) {
            return null;
        }
    }
}

@Network(input = 16)
@Train(loss = Loss.MSE)
@Split(method = SplitMethod.STRATIFIED) //! error lamina:split at ".STRATIFIED": StratifiedRegression: @Split(method = SplitMethod.STRATIFIED) keeps the class proportions in every set, but a network trained with MSE predicts numbers, which have no classes; use SplitMethod.RANDOM
abstract class StratifiedRegression {
    @Linear(out = 1) Layer value;
}

@Network(input = 2048)
@Train(data = StratifiedTasks.Assays.class, loss = Loss.BCE_WITH_LOGITS)
@Split(method = SplitMethod.STRATIFIED) //! error lamina:split at ".STRATIFIED": StratifiedTasks: @Split(method = SplitMethod.STRATIFIED) keeps the proportions of one label, but Assays names 2 tasks with @Tasks; use SplitMethod.RANDOM, or SplitMethod.SCAFFOLD for molecules
abstract class StratifiedTasks {
    @Linear(out = 2) Layer logits;

    @Tasks({"NR-AR", "SR-p53"})
    public static class Assays implements DataSource<String> {
        @Override
        public TrainTestData load(DataContext context) {
            return null;
        }
    }
}
