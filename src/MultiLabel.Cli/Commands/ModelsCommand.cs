using System.ComponentModel;
using MultiLabel.Cli.Output;
using MultiLabel.Models;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiLabel.Cli.Commands;

/// <summary><c>multilabel models</c>: the networks <c>train --model</c> accepts.</summary>
public sealed class ModelsCommand : Command<ModelsCommand.Settings>
{
    /// <summary>The options of <c>models</c>: only the output format.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--json")]
        [Description("Print exactly one JSON array on stdout.")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Json)
        {
            Output.Json.Print(ModelRegistry.All.Select(m => new Item(m.Name, m.DefaultImageSize, m.Pretrained, m.Description)).ToArray());
            return 0;
        }
        var table = new Table().AddColumn("name").AddColumn(new TableColumn("default size").RightAligned()).AddColumn("pretrained").AddColumn("description");
        foreach (var model in ModelRegistry.All)
            table.AddRow(Shown.Markup(model.Name), $"{model.DefaultImageSize} px", model.Pretrained ? "yes" : "no", Shown.Markup(model.Description));
        Terminal.Out.Write(table);
        return 0;
    }

    /// <summary>One element of the <c>--json</c> array.</summary>
    private sealed record Item(string Name, int DefaultImageSize, bool Pretrained, string Description);
}
