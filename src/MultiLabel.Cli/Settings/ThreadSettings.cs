using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiLabel.Cli.Settings;

/// <summary>The one option every command that decodes or computes takes: how many CPU threads it may use.</summary>
public class ThreadSettings : CommandSettings
{
    [CommandOption("--threads <N>")]
    [Description("CPU threads to use (default: every core).")]
    [DefaultValue(0)]
    [Importance(OptionImportance.Environment)]
    public int Threads { get; init; }

    public override ValidationResult Validate() =>
        Threads < 0 ? ValidationResult.Error("--threads takes 0 (every core) or more.") : ValidationResult.Success();
}
