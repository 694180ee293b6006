using MultiLabel.Data;

namespace MultiLabel.Inference;

/// <summary>An image the model got wrong: what it carries, what was predicted, and how sure the worst mistake was.</summary>
/// <param name="Image">The image and its labels as read from the dataset.</param>
/// <param name="Predicted">The labels the model gave it, highest score first.</param>
/// <param name="WorstLabel">The label of the most confident wrong decision.</param>
/// <param name="WorstScore">The model's probability for <paramref name="WorstLabel"/>.</param>
/// <param name="Error">|probability − target| of that decision: near 1 is a confident mistake.</param>
public sealed record ImageMistake(ImageRecord Image, IReadOnlyList<string> Predicted, string WorstLabel, float WorstScore, double Error)
{
    /// <summary>True when the worst mistake is a label the image carries but the model missed; false when it predicted one the image does not carry.</summary>
    public bool Missed => Image.Labels.Contains(WorstLabel);
}
