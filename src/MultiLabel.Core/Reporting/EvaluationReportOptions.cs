using MultiLabel.Data;
using MultiLabel.Inference;

namespace MultiLabel.Reporting;

/// <summary>What an evaluation report shows beyond the metrics.</summary>
public sealed record EvaluationReportOptions
{
    /// <summary>The model file, named in the heading.</summary>
    public string? ModelPath { get; init; }

    /// <summary>Longest side of the thumbnails (and their heat maps) in pixels.</summary>
    public int ThumbnailSize { get; init; } = 160;

    /// <summary>
    /// Makes the heat maps of images decoded at the model's input size for the labels named per image (e.g.
    /// <see cref="Predictor.Explain"/>); each mistake's card can then show the map of each label it got wrong. Null
    /// leaves the heat maps out.
    /// </summary>
    public Func<IReadOnlyList<DecodedImage>, IReadOnlyList<IReadOnlyList<string>>, HeatMap[][]>? HeatMaps { get; init; }

    /// <summary>Images whose pictures are made at once (one explanation batch).</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>A given label scored below this is suspect (see <see cref="ModelEvaluation.SuspectLabels"/>).</summary>
    public float SuspectBelow { get; init; } = 0.05f;

    /// <summary>A label not given but scored above this is suspect.</summary>
    public float SuspectAbove { get; init; } = 0.95f;
}
