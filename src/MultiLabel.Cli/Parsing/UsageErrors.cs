using System.Text.RegularExpressions;
using MultiLabel.Cli.Output;
using Spectre.Console.Cli;

namespace MultiLabel.Cli.Parsing;

/// <summary>
/// Retells the errors Spectre.Console.Cli raises while parsing and binding a command line ("Unknown option 'epoch'.",
/// "Failed to convert 'abc' to Nullable`1.") as one sentence that names the option as the user wrote it, what it
/// takes, and the nearest valid option or word. It reads the messages of Spectre.Console.Cli 0.57.2, which carry
/// neither the command nor the option (the tests pin each one); anything it does not recognise is passed on as is.
/// </summary>
internal static partial class UsageErrors
{
    /// <summary>The sentence for <paramref name="error"/>, raised for the command line <paramref name="args"/>.</summary>
    public static string Explain(CommandAppException error, IReadOnlyList<string> args)
    {
        var command = CommandCatalog.Find(args);
        string message = error.Message;
        Match match;
        if ((match = UnknownOptionMessage().Match(message)).Success)
            return UnknownOption(Written(match.Groups[1].Value, args), command);
        if ((match = UnexpectedOptionMessage().Match(message)).Success)
            return $"{Written(match.Groups[1].Value, args)} must follow a command: multilabel COMMAND [OPTIONS] (multilabel --help lists the commands).";
        if ((match = ConversionMessage().Match(message)).Success)
            return BadValue(match.Groups[1].Value, command, args);
        if ((match = NoValueMessage().Match(message)).Success)
            return command?.Option(match.Groups[1].Value) is { } option ? option.MissingValue : $"--{match.Groups[1].Value} needs a value.";
        if (message == "Flags cannot be assigned a value.")
            return FlagWithValue(command, args);
        if ((match = UnknownCommandMessage().Match(message)).Success)
            return UnknownCommand(match.Groups[1].Value, command, args);
        if ((match = UnmatchedArgumentMessage().Match(message)).Success)
            return StrayArgument(match.Groups[1].Value, command);
        if ((match = MissingArgumentMessage().Match(message)).Success)
            return MissingArgument(match.Groups[2].Value, command);
        return message;
    }

    private static string UnknownOption(string written, KnownCommand? command)
    {
        if (command == null) return $"unknown option {written}; multilabel --help lists the commands, multilabel COMMAND --help their options.";
        if (written.StartsWith("--", StringComparison.Ordinal) && command.Option(written[2..]) != null) // between the command's words (dataset --json inspect)
            return $"{written} must follow the whole command: multilabel {command.Words} ... {written}.";
        var names = command.Options.SelectMany(o => o.Attribute.LongNames).Append("help");
        var nearest = NearestName.Among(written.TrimStart('-'), names).Select(n => "--" + n).ToArray();
        string hint = nearest.Length > 0 ? $"did you mean {Sentence.Or(nearest)}?" : $"multilabel {command.Words} --help lists its options.";
        return $"{command.Words} has no option {written}; {hint}";
    }

    private static string BadValue(string value, KnownCommand? command, IReadOnlyList<string> args)
    {
        var option = FindOptionGiven(value, command, args);
        if (value == StrictArguments.Placeholder)
            return option?.MissingValue ?? "an option was given without its value.";
        if (option == null) return $"'{value}' is not a valid value here; multilabel {command?.Words ?? "COMMAND"} --help says what each option takes.";
        var type = Nullable.GetUnderlyingType(option.Property.PropertyType) ?? option.Property.PropertyType;
        var words = Settings.Choices.For(type)?.Select(c => c.Word) ?? [];
        var nearest = NearestName.Among(value, words);
        return $"{option.Name} takes {option.ValueKind}, not '{value}'" + (nearest.Count > 0 ? $"; did you mean {Sentence.Or(nearest)}?" : ".");
    }

    private static string FlagWithValue(KnownCommand? command, IReadOnlyList<string> args)
    {
        foreach (string arg in args)
        {
            int separator = arg.IndexOfAny(['=', ':']);
            if (!arg.StartsWith('-') || separator < 0) continue;
            if (command?.Option(arg[..separator].TrimStart('-')) is { IsFlag: true } flag)
                return $"{flag.Name} is a switch and takes no value (write {flag.Name} alone, not {arg}).";
        }
        return "a switch (an option without a value, such as --json) was given a value; write it alone.";
    }

    private static string UnknownCommand(string word, KnownCommand? command, IReadOnlyList<string> args)
    {
        // Spectre reports a word after a command that takes no arguments as an unknown command too.
        if (command != null) return StrayArgument(word, command);
        var leading = args.TakeWhile(a => a != word).Where(a => !a.StartsWith('-')).ToArray();
        string parent = leading.Length == 0 ? "multilabel" : string.Join(' ', leading);
        var children = CommandCatalog.All.Select(c => c.Words.Split(' '))
            .Where(w => w.Length > leading.Length && w.Take(leading.Length).SequenceEqual(leading))
            .Select(w => w[leading.Length]).Distinct();
        var nearest = NearestName.Among(word, children);
        string help = leading.Length == 0 ? "multilabel --help" : $"multilabel {parent} --help";
        return $"{parent} has no command '{word}'; " + (nearest.Count > 0 ? $"did you mean {Sentence.Or(nearest)}?" : $"{help} lists them.");
    }

    private static string StrayArgument(string word, KnownCommand? command) => command == null
        ? $"'{word}' is not expected here; options start with -- (multilabel --help)."
        : $"{command.Words} does not take '{word}' here; its options start with -- (multilabel {command.Words} --help lists them).";

    private static string MissingArgument(string argument, KnownCommand? command)
    {
        string? help = command?.ArgumentHelp(argument)?.TrimEnd('.');
        string what = help is { Length: > 0 } ? $": {char.ToLowerInvariant(help[0])}{help[1..]}" : "";
        return $"{command?.Words ?? "the command"} needs its {argument} argument{what}.";
    }

    /// <summary>The option whose value <paramref name="value"/> is on the command line (<c>--epochs abc</c>, <c>--epochs=abc</c>).</summary>
    private static DeclaredOption? FindOptionGiven(string value, KnownCommand? command, IReadOnlyList<string> args)
    {
        if (command == null) return null;
        for (int i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith('-')) continue;
            int separator = args[i].IndexOfAny(['=', ':']);
            string name = (separator < 0 ? args[i] : args[i][..separator]).TrimStart('-');
            string? given = separator >= 0 ? args[i][(separator + 1)..] : i + 1 < args.Count ? args[i + 1] : StrictArguments.Placeholder;
            if (given == value && command.Option(name) is { IsFlag: false } option) return option;
        }
        return null;
    }

    /// <summary>
    /// The option <paramref name="name"/> (as Spectre reports it, without dashes) as the user wrote it: <c>--name</c>, or
    /// for one letter the single-dash word it came from (Spectre reads <c>-epochs</c> as the letters -e -p -o -c -h -s).
    /// </summary>
    private static string Written(string name, IReadOnlyList<string> args) => name.Length > 1
        ? "--" + name
        : args.FirstOrDefault(a => a.Length > 2 && a[0] == '-' && a[1] != '-' && a.Contains(name[0])) ?? "-" + name;

    [GeneratedRegex(@"^Unknown option '(.*)'\.$")]
    private static partial Regex UnknownOptionMessage();

    [GeneratedRegex(@"^Unexpected option '(.*)'\.$")]
    private static partial Regex UnexpectedOptionMessage();

    [GeneratedRegex(@"^Failed to convert '(.*)' to ", RegexOptions.Singleline)]
    private static partial Regex ConversionMessage();

    [GeneratedRegex(@"^Option '(.*)' is defined but no value has been provided\.$")]
    private static partial Regex NoValueMessage();

    [GeneratedRegex(@"^Unknown command '(.*)'\.$")]
    private static partial Regex UnknownCommandMessage();

    [GeneratedRegex(@"^Could not match '(.*)' with an argument\.$")]
    private static partial Regex UnmatchedArgumentMessage();

    [GeneratedRegex(@"^Command '(.*)' is missing required argument '(.*)'\.$")]
    private static partial Regex MissingArgumentMessage();
}
