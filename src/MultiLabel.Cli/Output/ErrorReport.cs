using MultiLabel.Cli.Inputs;
using MultiLabel.Cli.Parsing;
using MultiLabel.Data;
using MultiLabel.Native;
using MultiLabel.Onnx;
using MultiLabel.Persistence;
using MultiLabel.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiLabel.Cli.Output;

/// <summary>
/// Prints a failure of the command line <paramref name="args"/> as one plain sentence on <paramref name="console"/>
/// (stderr) and gives its exit code: 64 for a command line that cannot run as written, 1 for input that cannot
/// be used, 130 for an interruption; stack traces only for bugs (70).
/// </summary>
internal sealed class ErrorReport(IReadOnlyList<string> args, IAnsiConsole console)
{
    /// <summary>Exit code of a command line that cannot run as written (sysexits' EX_USAGE).</summary>
    public const int UsageExitCode = 64;

    /// <summary>Reports <paramref name="exception"/>; the handler Spectre.Console.Cli calls.</summary>
    public int Handle(Exception exception, ITypeResolver? resolver)
    {
        if (exception is OperationCanceledException)
        {
            console.MarkupLine("[yellow]interrupted[/]");
            return 130;
        }
        if (Describe(exception) is not { } error)
        {
            console.WriteException(exception, ExceptionFormats.ShortenPaths);
            return 70;
        }
        console.MarkupLine($"[red]error:[/] {Shown.Markup(error.Message)}");
        return error.ExitCode;
    }

    /// <summary>The sentence and exit code for <paramref name="exception"/>, or null for a bug.</summary>
    public (string Message, int ExitCode)? Describe(Exception exception) => exception switch
    {
        CommandAppException e => (UsageErrors.Explain(e, args), UsageExitCode),
        UsageException e => (e.Message, UsageExitCode),
        SettingException e => (SettingFlags.Translate(e), UsageExitCode),
        TrainingDivergedException e => (SettingFlags.Translate(e.Message, e.Mentioned), 1),
        InputPathException or DatasetException or ModelBundleException or TorchLoadException or OnnxExportException or ArgumentException
            or FileNotFoundException or DirectoryNotFoundException or InvalidDataException or FormatException or IOException
            or UnauthorizedAccessException => (exception.Message, 1),
        _ => null,
    };
}
