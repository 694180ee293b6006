using MultiLabel.Cli.Parsing;
using MultiLabel.Cli.Settings;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace MultiLabel.Cli.Output;

/// <summary>
/// Spectre.Console.Cli's help, with each command's options listed by importance (<see cref="OptionImportance"/>:
/// what the command works on first, the machine's settings last) instead of by the class that declares them, which
/// would put the shared options (threads, cache) first. Primary options keep declaration order (<c>--model</c>, then
/// <c>--data</c>); in the other groups a command's own options come before those it shares with others (the more
/// derived settings class first), each in declaration order.
/// </summary>
internal sealed class ImportanceOrderedHelp(ICommandAppSettings settings) : HelpProvider(settings)
{
    public override IEnumerable<IRenderable> GetOptions(ICommandModel model, ICommandInfo? command) =>
        base.GetOptions(model, command is null || CommandCatalog.Find(command) is not { } known ? command : new Reordered(command, known));

    /// <summary><paramref name="command"/> with its options in the order of their importance.</summary>
    private sealed class Reordered(ICommandInfo command, KnownCommand known) : ICommandInfo
    {
        public string Name => command.Name;
        public string? Description => command.Description;
        public bool IsBranch => command.IsBranch;
        public bool IsDefaultCommand => command.IsDefaultCommand;
        public bool IsHidden => command.IsHidden;
        public ICommandInfo? Parent => command.Parent;
        public IReadOnlyList<string[]> Examples => command.Examples;
        public IReadOnlyList<ICommandInfo> Commands => command.Commands;
        public ICommandInfo? DefaultCommand => command.DefaultCommand;

        public IReadOnlyList<ICommandParameter> Parameters { get; } = command.Parameters
            .Select((parameter, index) => (parameter, index, declared: parameter is ICommandOption option ? known.Options.FirstOrDefault(o => option.LongNames.Any(o.IsCalled)) : null))
            .OrderBy(p => p.parameter is ICommandOption ? (int)(p.declared?.Importance ?? OptionImportance.Common) : -1)
            .ThenByDescending(p => p.declared is { Importance: not OptionImportance.Primary } declared ? Depth(declared.Property.DeclaringType) : 0)
            .ThenBy(p => p.index)
            .Select(p => p.parameter)
            .ToArray();

        private static int Depth(Type? type)
        {
            int depth = 0;
            for (; type != null; type = type.BaseType) depth++;
            return depth;
        }
    }
}
