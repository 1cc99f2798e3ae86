package dev.lamina.runtime.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * By group (a molecule's Bemis-Murcko scaffold, {@link Dataset#groups()}): every group lies in one set, so the
 * test set holds ring systems the network never trained on. This is chemprop's balanced scaffold split:
 *
 * <pre>
 * groups = rows by group key, keys in order of first appearance, rows ascending
 * big    = groups with more than validationCount / 2 or more than testCount / 2 rows, in that order
 * small  = the other groups, in that order
 * random = new Random(seed); Collections.shuffle(big, random); Collections.shuffle(small, random)
 * for group in big + small:
 *     if train.size + group.size &lt;= trainCount:                 train += group
 *     else if validation.size + group.size &lt;= validationCount:  validation += group
 *     else if testCount &gt; 0:                                  test += group
 *     else if validationCount &gt; 0:                            validation += group
 *     else:                                                   train += group
 * </pre>
 *
 * Big groups go first so that they land in training: a set made mostly of one big scaffold would say little.
 * The seed orders the groups, so different seeds give different sets; the sizes come close to the counts but
 * do not match them exactly. Acyclic molecules all share the empty scaffold, one group.
 */
final class ScaffoldSplit {

    private ScaffoldSplit() {}

    static SplitRows rows(Dataset data, SplitCounts counts, long seed) {
        String[] keys = data.groups().orElseThrow(() -> new IllegalArgumentException(data.source()
                + ": a scaffold split needs molecules; load them with SmilesData, which records each molecule's"
                + " Bemis-Murcko scaffold"));
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            groups.computeIfAbsent(keys[i], key -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> big = new ArrayList<>();
        List<List<Integer>> small = new ArrayList<>();
        for (List<Integer> group : groups.values()) {
            boolean isBig = group.size() > counts.validation() / 2.0 || group.size() > counts.test() / 2.0;
            (isBig ? big : small).add(group);
        }
        Random random = new Random(seed);
        Collections.shuffle(big, random);
        Collections.shuffle(small, random);
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (List<List<Integer>> part : List.of(big, small)) {
            for (List<Integer> group : part) {
                target(group.size(), train, validation, test, counts).addAll(group);
            }
        }
        return new SplitRows(DataSplitter.toArray(train), DataSplitter.toArray(validation),
                DataSplitter.toArray(test));
    }

    private static List<Integer> target(int size, List<Integer> train, List<Integer> validation, List<Integer> test,
            SplitCounts counts) {
        if (train.size() + size <= counts.train()) {
            return train;
        }
        if (validation.size() + size <= counts.validation()) {
            return validation;
        }
        return counts.test() > 0 ? test : counts.validation() > 0 ? validation : train;
    }
}
