using Spectre.Console;

namespace MultiLabel.Cli.Output;

/// <summary>The consoles commands write to: results on stdout, progress and diagnostics on stderr.</summary>
internal static class Terminal
{
    public static IAnsiConsole Out { get; } = AnsiConsole.Console;

    public static IAnsiConsole Error { get; } = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
    });

    /// <summary>True when stderr is a terminal, so live progress can redraw in place.</summary>
    public static bool ErrorIsInteractive => !Console.IsErrorRedirected;
}
