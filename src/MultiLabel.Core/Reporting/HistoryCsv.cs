using System.Globalization;
using System.Text;
using MultiLabel.Files;
using MultiLabel.Training;

namespace MultiLabel.Reporting;

/// <summary>A run's history as CSV: one row per epoch, one column per measured value.</summary>
public static class HistoryCsv
{
    /// <summary>The CSV text of <paramref name="epochs"/>; columns are the union of every epoch's, in first-seen order.</summary>
    public static string Format(IReadOnlyList<EpochRecord> epochs)
    {
        var columns = new List<string>();
        foreach (var epoch in epochs)
            foreach (var (name, _) in epoch.Values)
                if (!columns.Contains(name)) columns.Add(name);
        var text = new StringBuilder();
        text.AppendLine(string.Join(',', columns));
        foreach (var epoch in epochs)
            text.AppendLine(string.Join(',', columns.Select(c => Number(c, epoch[c]))));
        return text.ToString();
    }

    /// <summary>Writes the CSV to <paramref name="path"/>, atomically.</summary>
    public static void Save(IReadOnlyList<EpochRecord> epochs, string path) => AtomicFile.WriteText(path, Format(epochs));

    private static string Number(string column, double value) =>
        double.IsNaN(value) ? "" : column == "epoch" ? ((int)value).ToString(CultureInfo.InvariantCulture) : value.ToString("G6", CultureInfo.InvariantCulture);
}
