namespace MultiLabel.Cli.Settings;

/// <summary>Places an option in <c>--help</c> (see <see cref="OptionImportance"/>); options without one are <see cref="OptionImportance.Common"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ImportanceAttribute(OptionImportance importance) : Attribute
{
    /// <summary>The option's group in <c>--help</c>.</summary>
    public OptionImportance Importance { get; } = importance;
}
