using System.ComponentModel;
using System.Reflection;
using Spectre.Console.Cli;

namespace MultiLabel.Cli.Parsing;

/// <summary>A command of the tool: the words that call it (<c>dataset inspect</c>) and what its settings declare.</summary>
internal sealed record KnownCommand(string Words, Type SettingsType)
{
    /// <summary>Its options, in declaration order (base classes first).</summary>
    public IReadOnlyList<DeclaredOption> Options { get; } = DeclaredOption.Of(SettingsType);

    /// <summary>The option called <paramref name="spelling"/> (without dashes), if it has one.</summary>
    public DeclaredOption? Option(string spelling) => Options.FirstOrDefault(o => o.IsCalled(spelling));

    /// <summary>The help text of its argument called <paramref name="name"/> (<c>MODEL</c>), if it has one.</summary>
    public string? ArgumentHelp(string name) => SettingsType.GetProperties()
        .FirstOrDefault(p => p.GetCustomAttribute<CommandArgumentAttribute>()?.ValueName == name)
        ?.GetCustomAttribute<DescriptionAttribute>()?.Description;
}
