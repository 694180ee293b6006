using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MultiLabel.Cli.Settings;

/// <summary>The options of every command that decodes images (train, dataset inspect, predict, evaluate, serve): threads and the pixel budget.</summary>
public class DecodeSettings : ThreadSettings
{
    [CommandOption("--max-pixels <N>")]
    [Description("Pixel budget per image: larger images (after the best downscale the codec allows) are refused from their header as likely decompression bombs (default 40000000, more for inputs past 790 px).")]
    [Importance(OptionImportance.Environment)]
    public long? MaxPixels { get; init; }

    public override ValidationResult Validate()
    {
        if (MaxPixels is < 1) return ValidationResult.Error($"--max-pixels takes 1 or more, not {MaxPixels}.");
        return base.Validate();
    }
}
