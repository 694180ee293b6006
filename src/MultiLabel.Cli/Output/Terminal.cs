using Spectre.Console;

namespace MultiLabel.Cli.Output;

/// <summary>
/// The consoles commands write to: results on stdout, progress and diagnostics on stderr. On a terminal Spectre
/// wraps text at the window's width, as the terminal itself would; written to a file or pipe, nothing is wrapped,
/// so every line of a log stays whole for grep and copy-paste (tables keep their layout at their natural width).
/// </summary>
internal static class Terminal
{
    /// <summary>The width of a redirected console: more than any line, so Spectre never breaks one.</summary>
    private const int Unbounded = int.MaxValue;

    public static IAnsiConsole Out { get; } = Create(Console.Out, Console.IsOutputRedirected);

    public static IAnsiConsole Error { get; } = Create(Console.Error, Console.IsErrorRedirected);

    /// <summary>True when stderr is a terminal, so live progress can redraw in place.</summary>
    public static bool ErrorIsInteractive => !Console.IsErrorRedirected;

    private static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        if (redirected) console.Profile.Width = Unbounded;
        return console;
    }
}
