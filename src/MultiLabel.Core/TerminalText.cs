using System.Globalization;
using System.Text;

namespace MultiLabel;

/// <summary>
/// Text from outside — file and folder names, labels, upload names — made safe to show on a terminal or in a log: control
/// characters (C0, DEL, C1: ESC would start a terminal command, e.g. <c>ESC[2J</c> clears the screen) and the Unicode
/// controls that reorder text as it is displayed are written as escapes (<c>\x1B</c>, <c>\u202E</c>). Everything else is
/// kept. For human-readable output only: JSON keeps the exact strings.
/// </summary>
public static class TerminalText
{
    /// <summary><paramref name="text"/> with every control character written as an escape.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int first = 0;
        while (first < text.Length && !IsControl(text[first])) first++;
        if (first == text.Length) return text;
        var escaped = new StringBuilder(text.Length + 8).Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (!IsControl(c)) escaped.Append(c);
            else if (c < 0x100) escaped.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            else escaped.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }
        return escaped.ToString();
    }

    /// <summary>True for characters a terminal acts on or that reorder displayed text.</summary>
    public static bool IsControl(char c) =>
        c < 0x20 || c is >= '\u007F' and <= '\u009F' || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069'
        || c is '\u200E' or '\u200F' or '\u061C';
}
