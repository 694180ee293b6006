namespace MultiLabel.Cli.Settings;

/// <summary>Where an option stands in <c>--help</c>: what every run names first, what tuning and the machine need last.</summary>
public enum OptionImportance
{
    /// <summary>What the command works on: the model, the data, the output (<c>--model</c>, <c>--data</c>, <c>--out</c>).</summary>
    Primary,
    /// <summary>Options most runs may want (<c>--json</c>, <c>--threshold</c>, <c>--epochs</c>); the default.</summary>
    Common,
    /// <summary>Knobs of the recipe or the engine (<c>--lr</c>, <c>--batch-size</c>, <c>--engine</c>).</summary>
    Tuning,
    /// <summary>The machine the command runs on (<c>--cache-dir</c>, <c>--threads</c>, <c>--device</c>).</summary>
    Environment,
}
