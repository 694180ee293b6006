using System.Text.Json;
using System.Text.Json.Serialization;

namespace MultiLabel.Data;

/// <summary>
/// The ordered set of labels a model predicts, sorted ordinally like scikit-learn's
/// <c>MultiLabelBinarizer</c>; turns label sets into multi-hot vectors and back.
/// </summary>
public sealed class LabelVocabulary
{
    private readonly string[] labels;
    private readonly Dictionary<string, int> index;

    /// <summary>Creates a vocabulary of the distinct <paramref name="labels"/>, sorted ordinally.</summary>
    public LabelVocabulary(IEnumerable<string> labels)
    {
        this.labels = labels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (this.labels.Any(string.IsNullOrWhiteSpace)) throw new ArgumentException("Labels must not be empty.", nameof(labels));
        index = this.labels.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i, StringComparer.Ordinal);
    }

    /// <summary>The vocabulary of every label carried by <paramref name="images"/>.</summary>
    public static LabelVocabulary FromImages(IEnumerable<ImageRecord> images) => new(images.SelectMany(i => i.Labels));

    /// <summary>The labels, in output order.</summary>
    public IReadOnlyList<string> Labels => labels;

    /// <summary>Number of labels (the model's output width).</summary>
    public int Count => labels.Length;

    /// <summary>The output index of <paramref name="label"/>, or -1 when it is not in the vocabulary.</summary>
    public int IndexOf(string label) => index.GetValueOrDefault(label, -1);

    /// <summary>
    /// A multi-hot vector for <paramref name="labelSet"/>; labels outside the vocabulary are left out
    /// and added to <paramref name="unknown"/> when it is given.
    /// </summary>
    public float[] Encode(IEnumerable<string> labelSet, ISet<string>? unknown = null)
    {
        var vector = new float[labels.Length];
        foreach (string label in labelSet)
        {
            int i = IndexOf(label);
            if (i >= 0) vector[i] = 1f;
            else unknown?.Add(label);
        }
        return vector;
    }

    /// <summary>Multi-hot rows for many label sets, one row per image, concatenated.</summary>
    public float[] EncodeAll(IEnumerable<ImageRecord> images, ISet<string>? unknown = null) =>
        images.SelectMany(i => Encode(i.Labels, unknown)).ToArray();

    /// <summary>The vocabulary as JSON: <c>{"labels": [...]}</c>.</summary>
    public string ToJson() => JsonSerializer.Serialize(new Document(labels), Indented);

    /// <summary>Reads a vocabulary written by <see cref="ToJson"/>.</summary>
    public static LabelVocabulary FromJson(string json)
    {
        var document = JsonSerializer.Deserialize<Document>(json);
        if (document?.Labels is not { Length: > 0 } list) throw new FormatException("The label vocabulary JSON has no \"labels\" list.");
        return new LabelVocabulary(list);
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private sealed record Document([property: JsonPropertyName("labels")] string[] Labels);
}
