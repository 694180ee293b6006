namespace MultiLabel.Data.LabelFiles;

/// <summary>
/// The cells of a multi-hot table. <c>1</c>, <c>true</c>, <c>yes</c> mark a label present; <c>0</c>, <c>false</c>,
/// <c>no</c> absent. <c>−1</c> is read by the file's own convention: where the file never uses 0 (CelebA's −1/1
/// tables) −1 means absent; where it uses 0 as well (CheXpert-style), −1 means unknown. A blank cell is unknown too.
/// Unknown cells are read as absent — the loss has no "don't know" — and counted in a note.
/// </summary>
internal static class MultiHotValues
{
    /// <summary>What one cell says.</summary>
    public enum Cell { Present, Absent, MinusOne, Blank, Invalid }

    /// <summary>Reads one cell.</summary>
    public static Cell Read(string text)
    {
        text = text.Trim();
        if (text.Length == 0) return Cell.Blank;
        switch (text.ToLowerInvariant())
        {
            case "1" or "1.0" or "true" or "yes" or "y" or "t": return Cell.Present;
            case "0" or "0.0" or "false" or "no" or "n" or "f": return Cell.Absent;
            case "-1" or "-1.0": return Cell.MinusOne;
            default: return Cell.Invalid;
        }
    }

    /// <summary>True when <paramref name="text"/> is a value a multi-hot cell may hold (blank included).</summary>
    public static bool IsValue(string text) => Read(text) != Cell.Invalid;
}
