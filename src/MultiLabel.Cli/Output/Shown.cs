using Spectre.Console;

namespace MultiLabel.Cli.Output;

/// <summary>
/// Text from outside (file names, labels, reasons, messages) as the human-readable output shows it: control characters
/// escaped (<see cref="TerminalText"/>: a file named <c>ESC[2J…</c> prints as <c>\x1B[2J…</c> instead of clearing the
/// screen) and Spectre markup escaped. JSON output keeps the exact strings.
/// </summary>
internal static class Shown
{
    /// <summary><paramref name="text"/> safe to put in a Spectre markup string or table cell.</summary>
    public static string Markup(string text) => Spectre.Console.Markup.Escape(TerminalText.Escape(text));

    /// <summary><paramref name="text"/> safe to write to the terminal as it is (no markup).</summary>
    public static string Plain(string text) => TerminalText.Escape(text);
}
