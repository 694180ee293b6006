namespace MultiLabel.Cli.Output;

/// <summary>How <c>predict</c> writes its results on stdout (<c>--format</c>).</summary>
public enum PredictionFormat
{
    /// <summary>A table for people.</summary>
    Table,
    /// <summary>One JSON array.</summary>
    Json,
    /// <summary>One JSON object per line.</summary>
    Jsonl,
    /// <summary>CSV with a header row (see <see cref="Reporting.PredictionTable"/>).</summary>
    Csv,
}
