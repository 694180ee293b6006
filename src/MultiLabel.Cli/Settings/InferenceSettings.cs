using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiLabel.Cli.Settings;

/// <summary>The options of the commands that label a batch of images with a model and report progress (predict, evaluate).</summary>
public class InferenceSettings : ModelSettings
{
    [CommandOption("--threshold <P>")]
    [Description("One threshold for every label, overriding those stored in the model.")]
    public float? Threshold { get; init; }

    [CommandOption("--quiet")]
    [Description("No progress on stderr.")]
    public bool Quiet { get; init; }

    [CommandOption("--batch-size <N>")]
    [Description("Images per forward pass.")]
    [DefaultValue(32)]
    [Importance(OptionImportance.Tuning)]
    public int BatchSize { get; init; } = 32;

    public override ValidationResult Validate()
    {
        var inherited = base.Validate();
        if (!inherited.Successful) return inherited;
        if (Threshold is < 0 or > 1 || Threshold is { } t && float.IsNaN(t)) return ValidationResult.Error($"--threshold takes a probability from 0 to 1, not {Threshold}.");
        if (BatchSize < 1) return ValidationResult.Error($"--batch-size takes 1 or more, not {BatchSize}.");
        return ValidationResult.Success();
    }
}
