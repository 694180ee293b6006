using System.Globalization;
using CsvHelper;
using MultiLabel.Files;
using MultiLabel.Inference;

namespace MultiLabel.Reporting;

/// <summary>
/// Predictions as CSV for spreadsheets and scripts (RFC 4180, written by CsvHelper): one row per image, one score
/// column per label (<c>score_&lt;label&gt;</c>, output order), label sets joined by <c>;</c> — the separator a label
/// file reads, so a corrected <c>true_labels</c> column can be fed back as one. Scores are written in their shortest
/// exact form (the digits System.Text.Json writes for the same float); a score that is not a number is an empty cell.
/// </summary>
public static class PredictionTable
{
    /// <summary>Separates labels inside one cell.</summary>
    public const string LabelSeparator = ";";

    /// <summary>Writes <c>path, predicted_labels, score_…, error</c>: a failed prediction has only its path and error.</summary>
    public static void WritePredictions(TextWriter writer, IReadOnlyList<string> labels, IEnumerable<Prediction> predictions)
    {
        using var csv = Open(writer);
        csv.WriteHeader((string[])["path", "predicted_labels", .. labels.Select(l => "score_" + l), "error"]);
        foreach (var prediction in predictions)
        {
            csv.WriteField(prediction.Source);
            csv.WriteField(string.Join(LabelSeparator, prediction.Labels));
            foreach (string label in labels)
                csv.WriteField(prediction.Scores.TryGetValue(label, out float score) ? Score(score) : "");
            csv.WriteField(prediction.Error ?? "");
            csv.EndRecord();
        }
    }

    /// <summary>
    /// Writes <c>path, true_labels, predicted_labels, exact_match, score_…, error</c>: one row per evaluated image (its
    /// given labels, labels the model does not know included), then one per skipped file with its reason.
    /// </summary>
    public static void WriteEvaluation(TextWriter writer, ModelEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        using var csv = Open(writer);
        var labels = evaluation.Labels;
        csv.WriteHeader((string[])["path", "true_labels", "predicted_labels", "exact_match", .. labels.Select(l => "score_" + l), "error"]);
        for (int i = 0; i < evaluation.Images.Count; i++)
        {
            var scores = evaluation.ScoresOf(i);
            var targets = evaluation.TargetsOf(i);
            bool exact = true;
            for (int l = 0; l < labels.Count; l++) exact &= evaluation.Decoder.Gives(l, scores[l]) == (targets[l] >= 0.5f);
            csv.WriteField(evaluation.Images[i].Path);
            csv.WriteField(string.Join(LabelSeparator, evaluation.Images[i].Labels));
            csv.WriteField(string.Join(LabelSeparator, evaluation.PredictedLabels(i)));
            csv.WriteField(exact ? "true" : "false");
            for (int l = 0; l < labels.Count; l++) csv.WriteField(Score(scores[l]));
            csv.WriteField("");
            csv.EndRecord();
        }
        foreach (var skipped in evaluation.Skipped)
        {
            csv.WriteField(skipped.Path);
            for (int c = 0; c < 3 + labels.Count; c++) csv.WriteField("");
            csv.WriteField(skipped.Reason);
            csv.EndRecord();
        }
    }

    /// <summary>Writes <see cref="WriteEvaluation(TextWriter, ModelEvaluation)"/> to the file at <paramref name="path"/>, atomically.</summary>
    public static void WriteEvaluation(string path, ModelEvaluation evaluation) =>
        AtomicFile.WriteText(path, Capture(writer => WriteEvaluation(writer, evaluation)));

    private static string Capture(Action<TextWriter> write)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        write(writer);
        return writer.ToString();
    }

    private static CsvWriter Open(TextWriter writer) => CsvWriter.Create(writer, new CsvWriterOptions { NewLine = "\n" }, true);

    /// <summary>The score's shortest exact form; empty when it is not a number.</summary>
    private static string Score(float score) => float.IsFinite(score) ? score.ToString("R", CultureInfo.InvariantCulture) : "";
}
