using System.ComponentModel;
using MultiLabel.Cli.Output;
using MultiLabel.Cli.Settings;
using MultiLabel.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiLabel.Cli.Commands;

/// <summary><c>multilabel cache prune</c>: remove what the decode cache no longer needs.</summary>
public sealed class CachePruneCommand : Command<CachePruneCommand.Settings>
{
    /// <summary>The options of <c>cache prune</c>: which cache, and how large it may stay.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--cache-dir <DIR>")]
        [Description(DatasetSettings.CacheDirHelp)]
        [Importance(OptionImportance.Environment)]
        public string? CacheDir { get; init; }

        [CommandOption("--max-size <GB>")]
        [Description("Afterwards remove whole datasets' entries, used longest ago first, until the cache holds at most this many gigabytes.")]
        public double? MaxSize { get; init; }

        [CommandOption("--json")]
        [Description("Print exactly one JSON object on stdout.")]
        public bool Json { get; init; }

        public override ValidationResult Validate() =>
            MaxSize is < 0 || MaxSize is double.NaN ? ValidationResult.Error($"--max-size takes 0 or more gigabytes, not {MaxSize}.") : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string folder = Path.GetFullPath(settings.CacheDir ?? ImageCache.DefaultDirectory);
        long limit = settings.MaxSize is { } gb ? Math.Max(1, (long)(gb * (1L << 30))) : 0;
        var report = CachePruner.Prune(folder, limit, cancellationToken);
        if (settings.Json)
        {
            Output.Json.Print(new Result(folder, report.RemovedFiles, report.CompactedShards, report.RemovedGroups, report.FreedBytes, report.RemainingBytes));
            return 0;
        }
        Terminal.Out.MarkupLine($"{Markup.Escape(folder)}: removed {report.RemovedFiles} {(report.RemovedFiles == 1 ? "file" : "files")} " +
                                $"({Megabytes(report.FreedBytes)}), compacted {report.CompactedShards}, removed {report.RemovedGroups} whole " +
                                $"{(report.RemovedGroups == 1 ? "dataset" : "datasets")}; the cache holds {Megabytes(report.RemainingBytes)}.");
        return 0;
    }

    private static string Megabytes(long bytes) => $"{bytes / 1048576.0:0.#} MB";

    /// <summary>The <c>--json</c> document.</summary>
    private sealed record Result(string Cache, int RemovedFiles, int CompactedShards, int RemovedDatasets, long FreedBytes, long RemainingBytes);
}
