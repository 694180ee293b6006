namespace MultiLabel.Cli.Settings;

/// <summary>One word an option accepts for a value of an enumeration; <see cref="Aliases"/> are older spellings still understood.</summary>
public sealed record Choice(string Word, object Value, params string[] Aliases);
