using System.ComponentModel;
using System.Reflection;
using MultiLabel.Cli.Settings;
using Spectre.Console.Cli;

namespace MultiLabel.Cli.Parsing;

/// <summary>An option as a command's settings declare it: its names, the property it sets and where help lists it.</summary>
internal sealed record DeclaredOption(PropertyInfo Property, CommandOptionAttribute Attribute)
{
    /// <summary>The option as written first: <c>--epochs</c>.</summary>
    public string Name => Attribute.LongNames.Count > 0 ? "--" + Attribute.LongNames[0] : "-" + Attribute.ShortNames[0];

    /// <summary>Every spelling without dashes: long names, then short names.</summary>
    public IEnumerable<string> Spellings => Attribute.LongNames.Concat(Attribute.ShortNames);

    /// <summary>A switch (<c>--json</c>) takes no value.</summary>
    public bool IsFlag => Property.PropertyType == typeof(bool);

    /// <summary>Where <c>--help</c> lists the option.</summary>
    public OptionImportance Importance => Property.GetCustomAttribute<ImportanceAttribute>()?.Importance ?? OptionImportance.Common;

    /// <summary>The help text.</summary>
    public string Description => Property.GetCustomAttribute<DescriptionAttribute>()?.Description ?? "";

    /// <summary>What the option takes, for messages: <c>a whole number</c>, <c>auto, torch or onnx</c>, else its help text.</summary>
    public string ValueKind
    {
        get
        {
            var type = Nullable.GetUnderlyingType(Property.PropertyType) ?? Property.PropertyType;
            if (Choices.For(type) != null) return Choices.List(type);
            if (type == typeof(int) || type == typeof(long)) return "a whole number";
            if (type == typeof(float) || type == typeof(double)) return "a number";
            string help = Description.TrimEnd('.');
            return help.Length > 0 ? char.ToLowerInvariant(help[0]) + help[1..] : "a value";
        }
    }

    /// <summary>The sentence for the option given without its value: <c>--epochs needs a value: a whole number.</c>, <c>--data needs its DIR: …</c>.</summary>
    public string MissingValue
    {
        get
        {
            var type = Nullable.GetUnderlyingType(Property.PropertyType) ?? Property.PropertyType;
            return type == typeof(string) && Attribute.ValueName is { Length: > 0 } valueName
                ? $"{Name} needs its {valueName}: {ValueKind}."
                : $"{Name} needs a value: {ValueKind}.";
        }
    }

    /// <summary>Whether <paramref name="spelling"/> (without dashes) names this option.</summary>
    public bool IsCalled(string spelling) => Spellings.Contains(spelling, StringComparer.Ordinal);

    /// <summary>The options <paramref name="settingsType"/> declares, base classes first, as Spectre.Console.Cli orders them.</summary>
    public static IReadOnlyList<DeclaredOption> Of(Type settingsType)
    {
        var chain = new List<Type>();
        for (var type = settingsType; type != null && type != typeof(CommandSettings); type = type.BaseType) chain.Insert(0, type);
        return chain
            .SelectMany(t => t.GetProperties(BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Public))
            .Select(p => p.GetCustomAttribute<CommandOptionAttribute>() is { } attribute ? new DeclaredOption(p, attribute) : null)
            .OfType<DeclaredOption>()
            .ToArray();
    }
}
