package dev.lamina.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Labels written as class names: "setosa" rather than 0. */
class DelimitedTextClassNamesTest {

    @TempDir
    Path dir;

    @Test
    void namesBecomeIndicesInSortedOrder() throws IOException {
        Path file = TestFiles.text(dir, "animals.csv", """
                weight,animal
                4,dog
                0.5, cat
                30,wolf
                4.5,cat
                9,dog\s
                """);

        Dataset data = DelimitedText.csv().label("animal").load(file);

        assertEquals(List.of("cat", "dog", "wolf"), data.classNames());
        assertArrayEquals(new float[] {1, 0, 2, 0, 1}, data.labels());
        assertArrayEquals(new float[] {4, 0.5f, 30, 4.5f, 9}, data.features());
        assertEquals(file + " line 4", data.describeRow(2));
    }

    @Test
    void namesAreCaseSensitiveAndSortedByCodePointAsPythonSortsThem() throws IOException {
        // U+FF21 (fullwidth A) comes before U+1D538 (double-struck A) by code point, after it by UTF-16 unit.
        Path file = TestFiles.text(dir, "names.tsv", "x\ty\n1\tz\n2\t\u00e9\n3\tZ\n4\t\uD835\uDD38\n5\t\uFF21\n"
                + "6\tz\n");

        Dataset data = DelimitedText.tsv().label("y").load(file);

        assertEquals(List.of("Z", "z", "\u00e9", "\uFF21", "\uD835\uDD38"), data.classNames());
        assertArrayEquals(new float[] {1, 2, 0, 4, 3, 1}, data.labels());
    }

    @Test
    void irisNamesGiveScikitLearnsTargets() throws IOException {
        Dataset named = DelimitedText.csv().label("species").load(TestFiles.resource("iris.csv"));
        // scikit-learn's copy: class indices in the last column, under a header "150,4,setosa,versicolor,virginica".
        Dataset indexed = DelimitedText.csv().label(4).load(TestFiles.resource("sklearn_iris.csv"));

        assertEquals(List.of("setosa", "versicolor", "virginica"), named.classNames());
        assertEquals(List.of(), indexed.classNames());
        assertEquals(150, named.size());
        assertArrayEquals(indexed.labels(), named.labels());
        assertArrayEquals(indexed.features(), named.features());
        assertArrayEquals(new float[] {5.1f, 3.5f, 1.4f, 0.2f}, java.util.Arrays.copyOf(named.features(), 4));
        assertEquals(0, named.labels()[0]);
        assertEquals(1, named.labels()[50]);
        assertEquals(2, named.labels()[149]);
    }

    @Test
    void aTestFileUsesTheTrainingFilesIndices() throws IOException {
        Path train = TestFiles.text(dir, "train.csv", "x,animal\n1,cat\n2,dog\n3,fish\n4,cat\n");
        Path test = TestFiles.text(dir, "test.csv", "x,animal\n5,fish\n6,dog\n");
        DelimitedText loader = DelimitedText.csv().label("animal");

        TrainTestData data = loader.load(train, test);

        assertEquals(List.of("cat", "dog", "fish"), data.train().classNames());
        assertArrayEquals(new float[] {0, 1, 2, 0}, data.train().labels());
        assertEquals(List.of("cat", "dog", "fish"), data.test().classNames());
        assertArrayEquals(new float[] {2, 1}, data.test().labels());

        // The same by hand; read alone, the test file would have had its own classes [dog, fish].
        Dataset byHand = loader.classNames(data.train().classNames()).load(test);
        assertArrayEquals(new float[] {2, 1}, byHand.labels());
        assertArrayEquals(new float[] {1, 0}, loader.load(test).labels());

        // Given names keep the given order.
        Dataset given = loader.classNames(List.of("fish", "cat", "dog")).load(train);
        assertEquals(List.of("fish", "cat", "dog"), given.classNames());
        assertArrayEquals(new float[] {1, 2, 0, 1}, given.labels());
    }

    @Test
    void aClassTheTrainingFileDoesNotHaveIsAnError() throws IOException {
        Path train = TestFiles.text(dir, "train.csv", "x,animal\n1,cat\n2,dog\n3,fish\n");
        Path test = TestFiles.text(dir, "test.csv", "x,animal\n5,fish\n\n6,bird\n");

        assertEquals(test + " line 4: column 'animal': 'bird' is not one of the 3 known classes [cat, dog, fish] (a"
                + " class the training data does not have?)", assertThrows(DataFormatException.class,
                        () -> DelimitedText.csv().label("animal").load(train, test)).getMessage());

        List<String> many = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            many.add("c" + i);
        }
        assertEquals(test + " line 2: column 'animal': 'fish' is not one of the 25 known classes [c0, c1, c2, c3, c4,"
                + " c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19, ... 5 more] (a class the"
                + " training data does not have?)", assertThrows(DataFormatException.class,
                        () -> DelimitedText.csv().label("animal").classNames(many).load(test)).getMessage());
    }

    @Test
    void numberLabelsAreReadAsBefore() throws IOException {
        Path classes = TestFiles.text(dir, "classes.csv", "x,y\n1,2\n2,0\n3,1\n");
        Dataset data = DelimitedText.csv().label("y").load(classes);
        assertEquals(List.of(), data.classNames());
        assertArrayEquals(new float[] {2, 0, 1}, data.labels());

        Path targets = TestFiles.text(dir, "targets.csv", "x,y\n1,-2.5e-1\n2,+7\n");
        assertArrayEquals(new float[] {-0.25f, 7}, DelimitedText.csv().label("y").load(targets).labels());

        TrainTestData both = DelimitedText.csv().label("y").load(classes, targets);
        assertEquals(List.of(), both.test().classNames());
        assertArrayEquals(new float[] {-0.25f, 7}, both.test().labels());

        Path nan = TestFiles.text(dir, "nan.csv", "x,y\n1,1\n2,nan\n");
        assertEquals(nan + " line 3: column 'y': 'nan': NaN and infinite values are not allowed (remove or fill in"
                + " missing values before training)", assertThrows(DataFormatException.class,
                        () -> DelimitedText.csv().label("y").load(nan)).getMessage());
    }

    @Test
    void aColumnOfNumbersAndNamesIsAnErrorNamingALineOfEach() throws IOException {
        Path typo = TestFiles.text(dir, "typo.csv", "x,y\n1,0\n2,1\n3,?\n");
        assertEquals(typo + " line 4: column 'y': '?' is not a number, but line 2 holds the number '0': a label"
                + " column holds numbers or class names, not both; to read every label as a class name, use"
                + " classNames()", assertThrows(DataFormatException.class,
                        () -> DelimitedText.csv().label("y").load(typo)).getMessage());

        Path mixed = TestFiles.text(dir, "mixed.csv", "x,y\n1,cat\n2,dog\n3,3\n");
        assertEquals(mixed + " line 4: column 'y': '3' is a number, but line 2 holds the class name 'cat': a label"
                + " column holds numbers or class names, not both; to read every label as a class name, use"
                + " classNames()", assertThrows(DataFormatException.class,
                        () -> DelimitedText.csv().label("y").load(mixed)).getMessage());

        Dataset declared = DelimitedText.csv().label("y").classNames().load(mixed);
        assertEquals(List.of("3", "cat", "dog"), declared.classNames());
        assertArrayEquals(new float[] {1, 2, 0}, declared.labels());
    }

    @Test
    void declaredNamesSortNumbersAsText() throws IOException {
        Path file = TestFiles.text(dir, "codes.csv", "x,code\n1,2\n2,10\n3,1\n4,2\n");

        Dataset data = DelimitedText.csv().label("code").classNames().load(file);

        assertEquals(List.of("1", "10", "2"), data.classNames());
        assertArrayEquals(new float[] {2, 1, 0, 2}, data.labels());
    }

    @Test
    void missingLabelsAreErrorsAmongNamesToo() throws IOException {
        Path empty = TestFiles.text(dir, "empty.csv", "x,y\n1,cat\n2, \n");
        assertEquals(empty + " line 3: column 'y': the cell is empty (a missing value?)", assertThrows(
                DataFormatException.class, () -> DelimitedText.csv().label("y").load(empty)).getMessage());
        assertEquals(empty + " line 3: column 'y': the cell is empty (a missing value?)", assertThrows(
                DataFormatException.class, () -> DelimitedText.csv().label("y").classNames().load(empty))
                        .getMessage());

        Path nan = TestFiles.text(dir, "nan.csv", "x,y\n1,cat\n2,NaN\n");
        assertEquals(nan + " line 3: column 'y': 'NaN': NaN and infinite values are not allowed (remove or fill in"
                + " missing values before training)", assertThrows(DataFormatException.class,
                        () -> DelimitedText.csv().label("y").load(nan)).getMessage());
    }

    @Test
    void aHeaderReadAsDataIsStillNamedAsSuch() throws IOException {
        // As before names: the label is reported first.
        Path file = TestFiles.text(dir, "table.csv", "y,x\ncat,1\n");
        assertEquals(file + " line 1: column 0 (0-based): 'y' is not a number; is this line a header? then use"
                + " withHeader(true)", assertThrows(DataFormatException.class,
                        () -> DelimitedText.csv().withHeader(false).label(0).load(file)).getMessage());

        Path numbers = TestFiles.text(dir, "numbers.csv", "y,x\n0,1\n1,2\n");
        assertEquals(numbers + " line 1: column 0 (0-based): 'y' is not a number; is this line a header? then use"
                + " withHeader(true)", assertThrows(DataFormatException.class,
                        () -> DelimitedText.csv().withHeader(false).label(0).features(1).load(numbers))
                                .getMessage());

        // Names without a header: the first row is data like the others.
        Path plain = TestFiles.text(dir, "plain.csv", "cat,1\ndog,2\n");
        assertEquals(List.of("cat", "dog"), DelimitedText.csv().withHeader(false).label(0).load(plain).classNames());
    }

    @Test
    void labelsAreNamesInBothFilesOrInNeither() throws IOException {
        Path train = TestFiles.text(dir, "train.csv", "x,y\n1,0\n2,1\n");
        Path test = TestFiles.text(dir, "test.csv", "x,y\n1,cat\n");
        assertEquals(test + ": its labels are class names [cat], but those of the training file " + train
                + " are numbers", assertThrows(DataFormatException.class,
                        () -> DelimitedText.csv().label("y").load(train, test)).getMessage());

        assertEquals(test + " line 2: column 'y': 'cat' is not one of the 2 known classes [0, 1] (a class the"
                + " training data does not have?)", assertThrows(DataFormatException.class,
                        () -> DelimitedText.csv().label("y").classNames().load(train, test)).getMessage());
    }

    @Test
    void theNumberOfClassesAndTheLengthOfANameAreCapped() throws IOException {
        StringBuilder rows = new StringBuilder("x,y\n");
        for (int i = 0; i <= DelimitedText.MAX_CLASSES; i++) {
            rows.append(i).append(",c").append(i).append('\n');
        }
        Path many = TestFiles.text(dir, "many.csv", rows.toString());
        assertEquals(many + " line 10002: column 'y': 'c10000' would be class 10001, but a label column may hold at"
                + " most 10000 distinct class names; is this the label column?", assertThrows(
                        DataFormatException.class, () -> DelimitedText.csv().label("y").load(many)).getMessage());

        String longName = "n".repeat(DelimitedText.MAX_CLASS_NAME_CHARS + 1);
        Path longNames = TestFiles.text(dir, "long.csv", "x,y\n1,cat\n2," + longName + "\n");
        assertEquals(longNames + " line 3: column 'y': the class name '" + "n".repeat(30) + "...' has 1001"
                + " characters, more than the 1000 a class name may have; is this the label column?", assertThrows(
                        DataFormatException.class, () -> DelimitedText.csv().label("y").load(longNames)).getMessage());
    }

    @Test
    void givenNamesMustBeNamesACellCanHold() {
        DelimitedText loader = DelimitedText.csv().label("y");
        assertEquals("classNames(names) needs at least one name; the data set it came from may have labels that"
                + " are numbers (its classNames() is empty then)", assertThrows(IllegalArgumentException.class,
                        () -> loader.classNames(List.of())).getMessage());
        assertEquals("the class name 'cat' is given twice", assertThrows(IllegalArgumentException.class,
                () -> loader.classNames(List.of("cat", "dog", "cat"))).getMessage());
        assertEquals("no label cell can hold the class name ' cat': a class name is not blank, has no spaces around"
                + " it and at most 1000 characters", assertThrows(IllegalArgumentException.class,
                        () -> loader.classNames(List.of(" cat"))).getMessage());
        assertEquals("10001 class names; at most 10000 are allowed", assertThrows(IllegalArgumentException.class,
                () -> loader.classNames(Collections.nCopies(10_001, "c"))).getMessage());
    }
}
