namespace MultiLabel;

/// <summary>
/// A setting of a library call that cannot work. <see cref="Setting"/> is the property at fault
/// (<c>nameof(TrainingOptions.ImageSize)</c>), and the message names it and any <see cref="Related"/>
/// settings by their property names only, so a shell over the library (the CLI) can replace each name
/// with its own spelling of that setting (a command-line option, say) without parsing prose.
/// </summary>
public sealed class SettingException : ArgumentException
{
    /// <summary>Creates the error for <paramref name="setting"/>; <paramref name="message"/> mentions it (and <paramref name="related"/>) by property name.</summary>
    public SettingException(string setting, string message, params string[] related)
        : base(message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(setting);
        Setting = setting;
        Related = related;
    }

    /// <summary>The property whose value is wrong, e.g. <c>ImageSize</c>.</summary>
    public string Setting { get; }

    /// <summary>Other properties the message mentions, e.g. <c>Resume</c> in advice about how to go on.</summary>
    public IReadOnlyList<string> Related { get; }

    /// <summary>Every property name the message mentions: <see cref="Setting"/> first.</summary>
    public IEnumerable<string> Mentioned => Related.Prepend(Setting);

    /// <inheritdoc/>
    public override string? ParamName => Setting;
}
