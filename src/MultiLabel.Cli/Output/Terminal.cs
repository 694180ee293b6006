using Spectre.Console;

namespace MultiLabel.Cli.Output;

/// <summary>The consoles commands write to: results on stdout, progress and diagnostics on stderr.</summary>
internal static class Terminal
{
    /// <summary>Width used when output goes to a file or pipe: wide enough for paths, unless $COLUMNS says otherwise.</summary>
    private const int RedirectedWidth = 160;

    public static IAnsiConsole Out { get; } = Create(Console.Out, Console.IsOutputRedirected);

    public static IAnsiConsole Error { get; } = Create(Console.Error, Console.IsErrorRedirected);

    /// <summary>True when stderr is a terminal, so live progress can redraw in place.</summary>
    public static bool ErrorIsInteractive => !Console.IsErrorRedirected;

    private static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        if (redirected)
            console.Profile.Width = int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out int columns) && columns > 20 ? columns : RedirectedWidth;
        return console;
    }
}
