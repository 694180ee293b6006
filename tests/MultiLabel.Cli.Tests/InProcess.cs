using Spectre.Console.Cli;
using Spectre.Console.Cli.Testing;
using Spectre.Console.Testing;

namespace MultiLabel.Cli.Tests;

/// <summary>What one in-process run of the command tree did.</summary>
/// <param name="ExitCode">The exit code the process would end with.</param>
/// <param name="Output">What Spectre.Console.Cli wrote to stdout (help, --version); commands' own output goes to the real stdout.</param>
/// <param name="Error">What the error report wrote to stderr.</param>
/// <param name="Settings">The command's settings as bound from the command line, when it got that far.</param>
internal sealed record InProcessResult(int ExitCode, string Output, string Error, CommandSettings? Settings)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

/// <summary>
/// Runs <c>multilabel</c>'s command tree (<see cref="Program.Configure"/>) in this process with Spectre.Console.Cli.Testing:
/// parsing, binding, validation and error reporting exactly as the tool does them, in milliseconds.
/// </summary>
internal static class InProcess
{
    public static InProcessResult Run(params string[] args)
    {
        var errors = new TestConsole().Width(int.MaxValue);
        var tester = new CommandAppTester();
        tester.Configure(config => Program.Configure(config, args, errors));
        var result = tester.Run(args);
        return new InProcessResult(result.ExitCode, result.Output, errors.Output.TrimEnd(), result.Settings);
    }
}
