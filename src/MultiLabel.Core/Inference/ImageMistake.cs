using MultiLabel.Data;

namespace MultiLabel.Inference;

/// <summary>An image the model got wrong: what it carries, what was predicted, which labels are wrong, and how sure the worst mistake was.</summary>
/// <param name="Index">The image's position in <see cref="ModelEvaluation.Images"/>.</param>
/// <param name="Image">The image and its labels as read from the dataset.</param>
/// <param name="Predicted">The labels the model gave it, highest score first.</param>
/// <param name="FalsePositives">Labels the model gave it that it does not carry, in output order.</param>
/// <param name="Missed">Labels it carries (and the model knows) that the model did not give it, in output order.</param>
/// <param name="WorstLabel">The label of the most confident wrong decision.</param>
/// <param name="WorstScore">The model's probability for <paramref name="WorstLabel"/>.</param>
/// <param name="Error">|probability − target| of that decision: near 1 is a confident mistake.</param>
public sealed record ImageMistake(int Index, ImageRecord Image, IReadOnlyList<string> Predicted, IReadOnlyList<string> FalsePositives,
    IReadOnlyList<string> Missed, string WorstLabel, float WorstScore, double Error)
{
    /// <summary>True when the worst mistake is a label the image carries but the model missed; false when it predicted one the image does not carry.</summary>
    public bool WorstMissed => Missed.Contains(WorstLabel);

    /// <summary>Every wrong label: the false positives, then the missed ones.</summary>
    public IEnumerable<string> WrongLabels => FalsePositives.Concat(Missed);
}
