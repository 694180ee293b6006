namespace MultiLabel.Data;

/// <summary>Splits a dataset into training and validation images, reproducibly for a given seed.</summary>
public static class Splitter
{
    private const int Train = 0, Validation = 1;

    /// <summary>Splits <paramref name="labelSets"/> by <paramref name="method"/>.</summary>
    public static DatasetSplit Split(SplitMethod method, IReadOnlyList<IReadOnlyList<string>> labelSets, double validationFraction, int seed) =>
        method == SplitMethod.Random
            ? Random(labelSets.Count, validationFraction, seed)
            : Stratified(labelSets, validationFraction, seed);

    /// <summary>A seeded shuffle; the validation side takes ⌈fraction × count⌉ images, as scikit-learn does.</summary>
    public static DatasetSplit Random(int count, double validationFraction, int seed)
    {
        CheckFraction(validationFraction);
        int[] order = Enumerable.Range(0, count).ToArray();
        new System.Random(seed).Shuffle(order);
        int validation = (int)Math.Ceiling(validationFraction * count - 1e-9);
        return new DatasetSplit(order[validation..].Order().ToArray(), order[..validation].Order().ToArray());
    }

    /// <summary>
    /// Iterative stratification over labels and label pairs: the rarest remaining label (or pair) is
    /// handed out first, each of its images to the side that still wants most of it, so rare labels
    /// and label combinations reach both sides in proportion. Afterwards, every label with at least
    /// two images is made present on both sides.
    /// </summary>
    public static DatasetSplit Stratified(IReadOnlyList<IReadOnlyList<string>> labelSets, double validationFraction, int seed)
    {
        CheckFraction(validationFraction);
        var random = new System.Random(seed);
        int count = labelSets.Count;
        var keysOf = new int[count][];
        var keyIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
            keysOf[i] = KeysOf(labelSets[i]).Select(k => keyIds.TryGetValue(k, out int id) ? id : keyIds[k] = keyIds.Count).ToArray();

        int keyCount = keyIds.Count;
        var examplesOf = Enumerable.Range(0, keyCount).Select(_ => new List<int>()).ToArray();
        for (int i = 0; i < count; i++)
            foreach (int k in keysOf[i]) examplesOf[k].Add(i);

        double[] ratio = [1 - validationFraction, validationFraction];
        double[] wanted = [ratio[Train] * count, ratio[Validation] * count];
        var wantedPerKey = new double[2][];
        for (int side = 0; side < 2; side++)
            wantedPerKey[side] = examplesOf.Select(list => ratio[side] * list.Count).ToArray();

        var side_ = new int[count];
        Array.Fill(side_, -1);
        var remaining = examplesOf.Select(list => list.Count).ToArray();
        int[] keyOrder = Enumerable.Range(0, keyCount).ToArray();
        random.Shuffle(keyOrder);

        while (true)
        {
            int key = -1;
            foreach (int k in keyOrder)
                if (remaining[k] > 0 && (key < 0 || remaining[k] < remaining[key])) key = k;
            if (key < 0) break;

            int[] examples = examplesOf[key].Where(e => side_[e] < 0).ToArray();
            random.Shuffle(examples);
            foreach (int e in examples)
            {
                int chosen = Choose(wantedPerKey[Train][key], wantedPerKey[Validation][key], wanted, random);
                Assign(e, chosen);
            }
        }
        // Images without labels: fill whichever side wants more.
        for (int e = 0; e < count; e++)
            if (side_[e] < 0) Assign(e, Choose(0, 0, wanted, random));

        EnsureBothSides(labelSets, side_);
        return new DatasetSplit(
            Enumerable.Range(0, count).Where(e => side_[e] == Train).ToArray(),
            Enumerable.Range(0, count).Where(e => side_[e] == Validation).ToArray());

        void Assign(int example, int side)
        {
            side_[example] = side;
            wanted[side]--;
            foreach (int k in keysOf[example])
            {
                wantedPerKey[side][k]--;
                remaining[k]--;
            }
        }
    }

    private static int Choose(double trainWant, double validationWant, double[] wanted, System.Random random)
    {
        if (trainWant != validationWant) return trainWant > validationWant ? Train : Validation;
        if (wanted[Train] != wanted[Validation]) return wanted[Train] > wanted[Validation] ? Train : Validation;
        return random.Next(2);
    }

    /// <summary>The stratification keys of one image: each label, and each pair of its labels.</summary>
    private static IEnumerable<string> KeysOf(IReadOnlyList<string> labels)
    {
        foreach (string label in labels) yield return label;
        for (int a = 0; a < labels.Count; a++)
            for (int b = a + 1; b < labels.Count; b++)
                yield return string.CompareOrdinal(labels[a], labels[b]) < 0 ? $"{labels[a]}\u001f{labels[b]}" : $"{labels[b]}\u001f{labels[a]}";
    }

    /// <summary>Moves images so that each label with two or more images appears on both sides.</summary>
    private static void EnsureBothSides(IReadOnlyList<IReadOnlyList<string>> labelSets, int[] side)
    {
        var labels = labelSets.SelectMany(s => s).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        for (int pass = 0; pass < 3; pass++)
        {
            bool moved = false;
            foreach (string label in labels)
            {
                var holders = Enumerable.Range(0, labelSets.Count).Where(e => labelSets[e].Contains(label)).ToArray();
                if (holders.Length < 2) continue;
                foreach (int missing in new[] { Train, Validation })
                {
                    if (holders.Any(e => side[e] == missing)) continue;
                    // Move the image whose other labels are best represented where it stands.
                    int donor = holders.OrderByDescending(e => labelSets[e].Min(l => CountOn(labelSets, side, l, side[e]))).First();
                    side[donor] = missing;
                    moved = true;
                }
            }
            if (!moved) return;
        }
    }

    private static int CountOn(IReadOnlyList<IReadOnlyList<string>> labelSets, int[] side, string label, int which)
    {
        int n = 0;
        for (int e = 0; e < labelSets.Count; e++)
            if (side[e] == which && labelSets[e].Contains(label)) n++;
        return n;
    }

    private static void CheckFraction(double fraction)
    {
        if (!(fraction > 0 && fraction < 1))
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The validation fraction must lie strictly between 0 and 1, e.g. 0.2.");
    }
}
