using System.Text.RegularExpressions;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;

namespace MultiLabel.Cli.Parsing;

/// <summary>
/// Every command of the tool by the words that call it, read from the command types by the rule each one follows
/// (<c>Commands/&lt;Words&gt;Command.cs</c>: <c>DatasetInspectCommand</c> is <c>dataset inspect</c>); a test checks it
/// against the command tree. Errors use it to name the options of the command a user typed, help to order them.
/// </summary>
internal static partial class CommandCatalog
{
    /// <summary>Every command, by its words.</summary>
    public static IReadOnlyList<KnownCommand> All { get; } = typeof(CommandCatalog).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && t.Name.EndsWith("Command", StringComparison.Ordinal))
        .Select(t => (Type: t, Settings: SettingsOf(t)))
        .Where(c => c.Settings != null)
        .Select(c => new KnownCommand(Words(c.Type.Name[..^"Command".Length]), c.Settings!))
        .OrderBy(c => c.Words, StringComparer.Ordinal)
        .ToArray();

    /// <summary>
    /// The command <paramref name="args"/> call: the longest one whose words lead their words (options left out, so
    /// <c>dataset --json inspect</c> finds <c>dataset inspect</c>).
    /// </summary>
    public static KnownCommand? Find(IReadOnlyList<string> args)
    {
        var words = args.Where(a => !a.StartsWith('-')).ToArray();
        return All.Where(c => Leads(c.Words.Split(' '), words)).MaxBy(c => c.Words.Length);
    }

    /// <summary>The command Spectre.Console.Cli's model describes as <paramref name="command"/>.</summary>
    public static KnownCommand? Find(ICommandInfo command)
    {
        var words = new List<string>();
        for (var c = command; c != null; c = c.Parent) words.Insert(0, c.Name);
        string path = string.Join(' ', words);
        return All.FirstOrDefault(c => c.Words == path);
    }

    private static bool Leads(string[] words, string[] args) => words.Length <= args.Length && words.SequenceEqual(args.Take(words.Length));

    private static string Words(string pascal) => string.Join(' ', WordStart().Split(pascal).Where(w => w.Length > 0)).ToLowerInvariant();

    private static Type? SettingsOf(Type command) => command.GetInterfaces()
        .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>))
        ?.GetGenericArguments()[0];

    [GeneratedRegex("(?<!^)(?=[A-Z])")]
    private static partial Regex WordStart();
}
