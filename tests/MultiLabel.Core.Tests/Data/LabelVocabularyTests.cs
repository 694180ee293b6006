using MultiLabel.Data;

namespace MultiLabel.Tests.Data;

public class LabelVocabularyTests
{
    [Fact]
    public void Labels_are_sorted_ordinally_like_scikit_learn()
    {
        var vocabulary = new LabelVocabulary(["red", "Blue", "black", "red", "_x", "2"]);

        // Python's sorted(): digits < upper case < underscore < lower case.
        Assert.Equal(["2", "Blue", "_x", "black", "red"], vocabulary.Labels);
    }

    [Fact]
    public void Encodes_multi_hot_and_reports_unknown_labels()
    {
        var vocabulary = new LabelVocabulary(["black", "dress", "red", "shoes"]);
        var unknown = new HashSet<string>();

        float[] vector = vocabulary.Encode(["red", "dress", "hat"], unknown);

        Assert.Equal([0f, 1f, 1f, 0f], vector);
        Assert.Equal(["hat"], unknown);
    }

    [Fact]
    public void Round_trips_through_json()
    {
        var vocabulary = new LabelVocabulary(["shoes", "black", "blue"]);

        var copy = LabelVocabulary.FromJson(vocabulary.ToJson());

        Assert.Equal(vocabulary.Labels, copy.Labels);
        Assert.Contains("\"labels\"", vocabulary.ToJson());
    }

    [Fact]
    public void Json_without_labels_is_rejected()
    {
        Assert.Throws<FormatException>(() => LabelVocabulary.FromJson("{\"labels\": []}"));
    }
}
