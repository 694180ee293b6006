using System.ComponentModel;
using MultiLabel.Cli.Parsing;

namespace MultiLabel.Cli.Tests.Settings;

/// <summary>
/// Options several commands take are declared once, in the settings classes they share; where a class cannot
/// inherit one (evaluate's dataset options, train's --device, export's --model), the declarations must not drift.
/// </summary>
public class SharedOptionsTests
{
    /// <summary>Options that mean something else in one command: train's --model names a network, its --batch-size and --quiet are its own.</summary>
    private static readonly HashSet<(string Command, string Option)> OwnMeaning =
        [("train", "model"), ("train", "batch-size"), ("train", "quiet")];

    [Fact]
    public void An_option_several_commands_take_is_declared_alike_everywhere()
    {
        var declarations = CommandCatalog.All
            .SelectMany(c => c.Options.Select(o => (Command: c.Words, Option: o)))
            .Where(d => !OwnMeaning.Contains((d.Command, d.Option.Attribute.LongNames[0])))
            .Where(d => d.Option.Attribute.LongNames[0] is not ("json" or "data" or "image-size")) // each command words these for itself
            .GroupBy(d => d.Option.Attribute.LongNames[0]);

        foreach (var group in declarations)
        {
            var first = group.First();
            foreach (var (command, option) in group.Skip(1))
            {
                string what = $"--{group.Key} of {command} and of {first.Command}";
                Assert.True(option.Property.PropertyType == first.Option.Property.PropertyType, what + ": type");
                Assert.True(option.Description == first.Option.Description, what + ": description");
                Assert.True(option.Importance == first.Option.Importance, what + ": importance");
                Assert.True(option.Attribute.ValueName == first.Option.Attribute.ValueName, what + ": value name");
                Assert.True(Equals(Default(option), Default(first.Option)), what + ": default");
                Assert.True(Converter(option) == Converter(first.Option), what + ": converter");
            }
        }
    }

    [Fact]
    public void Predict_evaluate_and_serve_share_the_model_engine_device_and_threads_options()
    {
        foreach (string name in new[] { "model", "engine", "device", "threads" })
        {
            var declared = new[] { "predict", "evaluate", "serve" }
                .Select(c => CommandCatalog.All.Single(k => k.Words == c).Option(name)?.Property).ToArray();
            Assert.All(declared, Assert.NotNull);
            Assert.Single(declared.Distinct()); // one property, inherited, not three alike
        }
    }

    private static object? Default(DeclaredOption option) =>
        option.Property.GetCustomAttributes(typeof(DefaultValueAttribute), true).Cast<DefaultValueAttribute>().SingleOrDefault()?.Value;

    private static string? Converter(DeclaredOption option) =>
        option.Property.GetCustomAttributes(typeof(TypeConverterAttribute), true).Cast<TypeConverterAttribute>().SingleOrDefault()?.ConverterTypeName;
}
