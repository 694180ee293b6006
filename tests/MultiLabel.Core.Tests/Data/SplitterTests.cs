using MultiLabel.Data;

namespace MultiLabel.Tests.Data;

public class SplitterTests
{
    private static readonly IReadOnlyList<IReadOnlyList<string>> Apparel =
        ImageSource.FromFolder(TestData.Apparel).Images.Select(i => i.Labels).ToArray();

    [Fact]
    public void Random_split_is_seeded_complete_and_disjoint()
    {
        var a = Splitter.Random(101, 0.2, seed: 42);
        var b = Splitter.Random(101, 0.2, seed: 42);
        var c = Splitter.Random(101, 0.2, seed: 7);

        Assert.Equal(a.Validation, b.Validation);
        Assert.NotEqual(a.Validation, c.Validation);
        Assert.Equal(21, a.Validation.Count); // ⌈0.2 × 101⌉, as scikit-learn rounds the test side up
        Assert.Equal(Enumerable.Range(0, 101), a.Train.Concat(a.Validation).Order());
    }

    [Fact]
    public void Stratified_split_keeps_every_label_and_label_pair_in_proportion()
    {
        var split = Splitter.Stratified(Apparel, 0.2, seed: 42);

        Assert.Equal(Enumerable.Range(0, Apparel.Count), split.Train.Concat(split.Validation).Order());
        Assert.InRange(split.Validation.Count, 0.19 * Apparel.Count, 0.21 * Apparel.Count);
        foreach (var group in Apparel.Select((labels, i) => (key: string.Join("_", labels), i)).GroupBy(p => p.key))
        {
            int total = group.Count();
            int inValidation = group.Count(p => split.Validation.Contains(p.i));
            // brown_shorts has 34 images: about 7 go to validation, not 0 or 15.
            Assert.InRange(inValidation, Math.Floor(0.2 * total) - 1, Math.Ceiling(0.2 * total) + 1);
        }
    }

    [Fact]
    public void Stratified_split_is_reproducible_for_a_seed()
    {
        Assert.Equal(Splitter.Stratified(Apparel, 0.2, 3).Validation, Splitter.Stratified(Apparel, 0.2, 3).Validation);
    }

    [Fact]
    public void Every_label_with_two_images_reaches_both_sides()
    {
        var sets = new List<IReadOnlyList<string>>();
        for (int i = 0; i < 40; i++) sets.Add(i % 2 == 0 ? ["black", "shoes"] : ["blue", "dress"]);
        sets.Add(["rare", "shoes"]);
        sets.Add(["black", "rare"]);
        sets.Add(["pair1", "pair2"]);
        sets.Add(["pair1", "pair2"]);
        sets.Add(["solo"]);

        foreach (int seed in Enumerable.Range(0, 20))
        {
            var split = Splitter.Stratified(sets, 0.2, seed);
            foreach (string label in sets.SelectMany(s => s).Distinct())
            {
                var holders = Enumerable.Range(0, sets.Count).Where(i => sets[i].Contains(label)).ToArray();
                if (holders.Length < 2) continue;
                Assert.Contains(holders, split.Train.Contains);
                Assert.Contains(holders, split.Validation.Contains);
            }
        }
    }

    [Fact]
    public void Many_rare_labels_mixed_into_common_ones_each_keep_a_positive_on_both_sides()
    {
        // 300 images with two common labels; 15 rare labels on 2 to 5 random images each, often sharing images.
        var random = new Random(5);
        string[] common = ["a", "b", "c", "d", "e", "f"];
        var sets = Enumerable.Range(0, 300).Select(_ => new List<string> { common[random.Next(3)], common[3 + random.Next(3)] }).ToList();
        for (int r = 0; r < 15; r++)
            foreach (int image in Enumerable.Range(0, 300).OrderBy(_ => random.Next()).Take(2 + r % 4))
                sets[image].Add($"rare{r}");

        foreach (int seed in Enumerable.Range(0, 10))
        {
            var split = Splitter.Stratified(sets.Select(s => (IReadOnlyList<string>)s.Order(StringComparer.Ordinal).ToArray()).ToArray(), 0.2, seed);
            for (int r = 0; r < 15; r++)
            {
                var holders = Enumerable.Range(0, 300).Where(i => sets[i].Contains($"rare{r}")).ToArray();
                Assert.True(holders.Any(split.Train.Contains) && holders.Any(split.Validation.Contains), $"rare{r} (seed {seed}) is on one side only");
            }
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.2)]
    public void A_fraction_outside_zero_to_one_is_refused(double fraction)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Splitter.Random(10, fraction, 1));
    }
}
