using MultiLabel.Data;

namespace MultiLabel.Inference;

/// <summary>
/// A label decision the model contradicts with high confidence (see <see cref="ModelEvaluation.SuspectLabels"/>): the
/// image's given label may be wrong, and is worth a look when cleaning the data.
/// </summary>
/// <param name="Index">The image's position in <see cref="ModelEvaluation.Images"/>.</param>
/// <param name="Image">The image and its given labels.</param>
/// <param name="Label">The label in doubt.</param>
/// <param name="Given">True when the image carries the label (the model says it does not), false when it does not (the model says it does).</param>
/// <param name="Score">The model's probability for the label.</param>
public sealed record SuspectLabel(int Index, ImageRecord Image, string Label, bool Given, float Score)
{
    /// <summary>How sure the model is that the given label is wrong: 1 − score for a given label, the score otherwise.</summary>
    public float Confidence => Given ? 1 - Score : Score;
}
