using MultiLabel.Data;
using MultiLabel.Native;
using MultiLabel.Onnx;
using MultiLabel.Persistence;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiLabel.Cli.Output;

/// <summary>Prints failures as one plain message on stderr; stack traces only for bugs.</summary>
internal static class ErrorReport
{
    public static int Handle(Exception exception, ITypeResolver? resolver)
    {
        var stderr = Terminal.Error;
        switch (exception)
        {
            case CommandAppException e:
                stderr.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
                return 64;
            case OperationCanceledException:
                stderr.MarkupLine("[yellow]interrupted[/]");
                return 130;
            case DatasetException or ModelBundleException or TorchLoadException or OnnxExportException or ArgumentException or FileNotFoundException or DirectoryNotFoundException
                or InvalidDataException or FormatException or IOException or UnauthorizedAccessException:
                stderr.MarkupLine($"[red]error:[/] {Markup.Escape(exception.Message)}");
                return 1;
            default:
                stderr.WriteException(exception, ExceptionFormats.ShortenPaths);
                return 70;
        }
    }
}
